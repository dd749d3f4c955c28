import { describe, expect, it } from '@jest/globals';
import { breach, LAG, OU_RIVER_LEVEL, T0 } from './__fixtures__/alert-fixtures';
import type { AlertEvent } from './alert-event';
import { AlertHistoryError } from './alert-history.error';
import { applyAlertEvent } from './apply-alert-event';
import { raiseAlert } from './raise-alert';

const raising = raiseAlert(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
const raisedEvent = raising.events[0]!;
const closedAlert = { ...raising.alert, state: 'resolved' as const, acknowledged: true, closedAt: T0 + 1 };
const stale: AlertEvent = { ...raisedEvent, type: 'stale', at: T0 + 2 * LAG, staleSince: T0 };

describe('applyAlertEvent', () => {
  it('builds an alert from its raised event, subject included', () => {
    expect(applyAlertEvent(undefined, raisedEvent)).toEqual({
      ...OU_RIVER_LEVEL,
      id: raisedEvent.alertId,
      state: 'active',
      acknowledged: false,
      severity: 'yellow',
      peakSeverity: 'yellow',
      raisedAt: T0 + LAG,
      raisedObservedAt: T0,
      lastObservedAt: T0,
      details: raisedEvent.details,
      version: 1,
    });
  });

  it('counts every folded event in the version', () => {
    expect(applyAlertEvent(raising.alert, stale).version).toBe(2);
  });

  it.each([
    ['a second raised event for the same id', raising.alert, raisedEvent, /already raised/],
    ['an event before any raised event', undefined, stale, /no raised event/],
    ['an event of another alert', { ...raising.alert, id: 'other' }, stale, /folded into alert other/],
    ['an event after the alert closed', closedAlert, stale, /closed/],
  ] as const)('refuses %s', (_case, alert, event, message) => {
    expect(() => applyAlertEvent(alert, event)).toThrow(AlertHistoryError);
    expect(() => applyAlertEvent(alert, event)).toThrow(message);
  });
});
