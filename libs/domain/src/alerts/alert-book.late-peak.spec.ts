import { describe, expect, it } from '@jest/globals';
import { breach, HOUR, LAG, MINUTE, normal, OU_RIVER_LEVEL, T0 } from './__fixtures__/alert-fixtures';
import { AlertBook } from './alert-book';
import type { AlertEvent } from './alert-event';
import type { AlertPolicy } from './alert-policy';

const POLICY: AlertPolicy = { clearingDelayMs: 0 };
const types = (events: readonly AlertEvent[]) => events.map((event) => event.type);
const DETECTED = T0 + 2 * HOUR;

/** A yellow episode from T0, resolved by a normal outcome at T0 + 30 min. */
function resolvedYellow(): { book: AlertBook; firstId: string } {
  const book = new AlertBook({ policyFor: () => POLICY });
  const [raised] = book.observe(OU_RIVER_LEVEL, breach('yellow', T0), T0 + LAG);
  book.observe(OU_RIVER_LEVEL, normal(T0 + 30 * MINUTE), T0 + 30 * MINUTE + LAG);
  return { book, firstId: raised!.alertId };
}

describe('AlertBook, a peak a late batch reveals inside an episode already resolved', () => {
  it.each([
    ['a higher level raises an alert of its own, at the observation time of the crossing', 'orange', ['raised']],
    ['the same level belongs to the past episode', 'yellow', []],
    ['a lower level belongs to the past episode', 'blue', []],
  ] as const)('%s', (_case, severity, expected) => {
    const { book } = resolvedYellow();
    const events = book.observe(OU_RIVER_LEVEL, breach(severity, T0 + 10 * MINUTE), DETECTED);
    expect(events).toEqual(expected.map((type) => expect.objectContaining({ type, observedAt: T0 + 10 * MINUTE, at: DETECTED, severity })));
  });

  it('lets the re-judged outcomes after the peak resolve it, left for a forecaster as resolved but unacknowledged', () => {
    const { book, firstId } = resolvedYellow();
    const [raised] = book.observe(OU_RIVER_LEVEL, breach('orange', T0 + 10 * MINUTE), DETECTED);
    expect(types(book.observe(OU_RIVER_LEVEL, breach('red', T0 + 15 * MINUTE), DETECTED))).toEqual(['escalated']);
    expect(types(book.observe(OU_RIVER_LEVEL, normal(T0 + 20 * MINUTE), DETECTED))).toEqual(['resolved']);
    expect(book.get(raised!.alertId)).toMatchObject({ state: 'resolved', acknowledged: false, peakSeverity: 'red', raisedObservedAt: T0 + 10 * MINUTE, resolvedObservedAt: T0 + 20 * MINUTE });
    expect(book.get(firstId)).toMatchObject({ state: 'resolved', peakSeverity: 'yellow' });
    expect(book.openCount).toBe(0);
  });

  it('raises a higher peak revealed at the very crossing time of the resolved alert as an alert of its own', () => {
    const { book, firstId } = resolvedYellow();
    const [raised] = book.observe(OU_RIVER_LEVEL, breach('red', T0), DETECTED);
    expect(raised).toMatchObject({ type: 'raised', severity: 'red', observedAt: T0 });
    expect(raised!.alertId).not.toBe(firstId);
    expect(book.list().map((alert) => alert.severity).sort()).toEqual(['red', 'yellow']);
  });

  it('raises the revealed peak once, however often the outcomes are re-judged', () => {
    const { book } = resolvedYellow();
    book.observe(OU_RIVER_LEVEL, breach('orange', T0 + 10 * MINUTE), DETECTED);
    book.observe(OU_RIVER_LEVEL, normal(T0 + 20 * MINUTE), DETECTED);
    const again = [breach('orange', T0 + 10 * MINUTE), breach('orange', T0 + 15 * MINUTE), normal(T0 + 20 * MINUTE)].flatMap((outcome) => book.observe(OU_RIVER_LEVEL, outcome, DETECTED + HOUR));
    expect(again).toEqual([]);
    expect(book.list()).toHaveLength(2);
  });

  it.each([
    ['escalates an alert opened since for a higher level than the past episode reached', 'red', ['escalated'], 'red'],
    ['leaves an alert opened since alone for the level the past episode reached', 'yellow', [], 'blue'],
  ] as const)('%s', (_case, severity, expected, after) => {
    const { book } = resolvedYellow();
    const [later] = book.observe(OU_RIVER_LEVEL, breach('blue', T0 + 45 * MINUTE), T0 + 45 * MINUTE + LAG);
    expect(types(book.observe(OU_RIVER_LEVEL, breach(severity, T0 + 10 * MINUTE), DETECTED))).toEqual(expected);
    expect(book.get(later!.alertId)).toMatchObject({ severity: after, state: 'active' });
  });

  it('is rebuilt from its events knowing the revealed peak, so a restart does not raise it again', () => {
    const { book } = resolvedYellow();
    const log: AlertEvent[] = [];
    const options = { policyFor: () => POLICY };
    const first = new AlertBook(options);
    for (const [outcome, at] of [[breach('yellow', T0), T0 + LAG], [normal(T0 + 30 * MINUTE), T0 + 30 * MINUTE + LAG], [breach('orange', T0 + 10 * MINUTE), DETECTED], [normal(T0 + 20 * MINUTE), DETECTED]] as const) {
      log.push(...first.observe(OU_RIVER_LEVEL, outcome, at));
    }
    const rebuilt = AlertBook.fromEvents(log, options);
    expect(rebuilt.observe(OU_RIVER_LEVEL, breach('orange', T0 + 12 * MINUTE), DETECTED + HOUR)).toEqual([]);
    expect(book.observe(OU_RIVER_LEVEL, breach('orange', T0 + 12 * MINUTE), DETECTED + HOUR)).toHaveLength(1);
  });
});
