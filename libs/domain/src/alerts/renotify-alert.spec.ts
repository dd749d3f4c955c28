import { describe, expect, it } from '@jest/globals';
import { breach, LAG, MINUTE, OU_RIVER_LEVEL, T0 } from './__fixtures__/alert-fixtures';
import { acknowledgeAlert } from './acknowledge-alert';
import type { Alert } from './alert';
import type { AlertPolicy } from './alert-policy';
import { observeOpenAlert } from './observe-open-alert';
import { raiseAlert } from './raise-alert';
import { renotifyDueAt, renotifyIfDue } from './renotify-alert';

const AFTER = 15 * MINUTE;
const POLICY: AlertPolicy = { clearingDelayMs: 0, renotifyAfterMs: AFTER };
const RAISED_AT = T0 + LAG;
const active = (): Alert => raiseAlert(OU_RIVER_LEVEL, breach('yellow', T0), RAISED_AT).alert;

describe('renotifyIfDue', () => {
  it('does not re-notify an unacknowledged alert one ms before the edge', () => {
    expect(renotifyDueAt(active(), POLICY)).toBe(RAISED_AT + AFTER);
    expect(renotifyIfDue(active(), POLICY, RAISED_AT + AFTER - 1)).toBeUndefined();
  });

  it.each([
    ['exactly at the edge', AFTER],
    ['1 ms after the edge', AFTER + 1],
  ])('re-notifies an unacknowledged alert %s', (_case, sinceRaised) => {
    const transition = renotifyIfDue(active(), POLICY, RAISED_AT + sinceRaised);
    expect(transition?.events).toEqual([expect.objectContaining({ type: 'renotified', at: RAISED_AT + sinceRaised, state: 'active' })]);
    expect(transition?.alert.renotifiedAt).toBe(RAISED_AT + sinceRaised);
  });

  it('re-notifies once per level', () => {
    const renotified = renotifyIfDue(active(), POLICY, RAISED_AT + AFTER)!.alert;
    expect(renotifyIfDue(renotified, POLICY, RAISED_AT + 10 * AFTER)).toBeUndefined();
    expect(renotifyDueAt(renotified, POLICY)).toBeUndefined();
  });

  it('counts again from an escalation, to the ms', () => {
    const renotified = renotifyIfDue(active(), POLICY, RAISED_AT + AFTER)!.alert;
    const escalatedAt = RAISED_AT + 40 * MINUTE;
    const escalated = observeOpenAlert(renotified, breach('orange', escalatedAt - LAG), POLICY, escalatedAt).alert;
    expect(escalated.renotifiedAt).toBeUndefined();
    expect(renotifyDueAt(escalated, POLICY)).toBe(escalatedAt + AFTER);
    expect(renotifyIfDue(escalated, POLICY, escalatedAt + AFTER - 1)).toBeUndefined();
    expect(renotifyIfDue(escalated, POLICY, escalatedAt + AFTER)).toBeDefined();
  });

  it('does not restart the count on a de-escalation', () => {
    const deescalated = observeOpenAlert(
      raiseAlert(OU_RIVER_LEVEL, breach('orange', T0), RAISED_AT).alert,
      breach('yellow', T0 + 5 * MINUTE),
      POLICY,
      T0 + 5 * MINUTE + LAG,
    ).alert;
    expect(renotifyDueAt(deescalated, POLICY)).toBe(RAISED_AT + AFTER);
  });

  it.each([
    ['an acknowledged alert', () => acknowledgeAlert(active(), 'duty-forecaster-li', undefined, T0 + MINUTE).alert, POLICY],
    ['a resolved alert', () => observeOpenAlert(active(), { type: 'normal', observedAt: T0 + MINUTE }, POLICY, T0 + 2 * MINUTE).alert, POLICY],
    ['an alert whose rule does not re-notify', active, { clearingDelayMs: 0 }],
  ] as const)('never re-notifies %s', (_case, alertOf, policy) => {
    expect(renotifyIfDue(alertOf(), policy, RAISED_AT + 100 * AFTER)).toBeUndefined();
  });

  it('still re-notifies a stale alert: silence does not make it less urgent', () => {
    const stale = observeOpenAlert(active(), { type: 'no_data', since: T0 }, POLICY, T0 + 5 * MINUTE).alert;
    expect(renotifyIfDue(stale, POLICY, RAISED_AT + AFTER)?.events.map((event) => event.type)).toEqual(['renotified']);
  });
});
