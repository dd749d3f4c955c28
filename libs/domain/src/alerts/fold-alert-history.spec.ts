import { describe, expect, it } from '@jest/globals';
import { breach, LAG, MINUTE, normal, OU_RIVER_LEVEL, SILENT_RAIN_GAUGE, T0 } from './__fixtures__/alert-fixtures';
import { AlertBook } from './alert-book';
import type { AlertEvent } from './alert-event';
import { foldAlertHistory } from './fold-alert-history';

describe('foldAlertHistory', () => {
  const book = new AlertBook({ policyFor: () => ({ clearingDelayMs: 0 }) });
  const log: AlertEvent[] = [];
  const [ou] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
  log.push(ou!);
  log.push(...book.observe(SILENT_RAIN_GAUGE, breach('blue', T0), T0 + LAG));
  log.push(...book.observe(OU_RIVER_LEVEL, breach('red', T0 + MINUTE), T0 + MINUTE + LAG));
  log.push(...book.acknowledge(ou!.alertId, 'duty-leader-chen', 'evacuation of Ou riverside started', T0 + 2 * MINUTE));
  log.push(...book.observe(OU_RIVER_LEVEL, normal(T0 + 3 * MINUTE), T0 + 3 * MINUTE + LAG));
  const stored = JSON.parse(JSON.stringify(log)) as AlertEvent[];

  it('gives one alert its own events in order, and its state after them', () => {
    const history = foldAlertHistory(ou!.alertId, stored);
    expect(history?.events.map((event) => event.type)).toEqual(['raised', 'escalated', 'acknowledged', 'resolved', 'closed']);
    expect(history?.alert).toEqual(book.get(ou!.alertId));
  });

  it('returns undefined for an id no event names', () => {
    expect(foldAlertHistory('20240915T000000Z-0000000000000000', stored)).toBeUndefined();
  });
});
