import { describe, expect, it } from '@jest/globals';
import { breach, LAG, MINUTE, noData, normal, OU_RIVER_LEVEL, SECOND, T0, THIRTY_MINUTE_CLEARING } from './__fixtures__/alert-fixtures';
import { acknowledgeAlert } from './acknowledge-alert';
import type { Alert } from './alert';
import type { AlertOutcome } from './alert-outcome';
import type { AlertPolicy } from './alert-policy';
import { observeOpenAlert } from './observe-open-alert';
import { raiseAlert } from './raise-alert';
import type { Severity } from './severity';

const DELAY = THIRTY_MINUTE_CLEARING.clearingDelayMs;

function raisedAt(severity: Severity, observedAt = T0): Alert {
  return raiseAlert(OU_RIVER_LEVEL, breach(severity, observedAt), observedAt + LAG).alert;
}

/** Feeds outcomes in order, each detected LAG after its observation; returns the alert and the event types. */
function feed(alert: Alert, outcomes: readonly AlertOutcome[], policy: AlertPolicy = THIRTY_MINUTE_CLEARING) {
  let current = alert;
  const types: string[] = [];
  for (const outcome of outcomes) {
    const at = (outcome.type === 'no_data' ? outcome.since : outcome.observedAt) + LAG;
    const transition = observeOpenAlert(current, outcome, policy, at);
    current = transition.alert;
    types.push(...transition.events.map((event) => event.type));
  }
  return { alert: current, types };
}

describe('observeOpenAlert', () => {
  describe('clearing delay', () => {
    const start = T0 + 10 * MINUTE;

    it.each([
      ['stays active with the second normal one ms short of the delay after the first', DELAY - 1, 'active', []],
      ['resolves with the second normal exactly at the delay after the first', DELAY, 'resolved', ['resolved']],
      ['resolves with the second normal past the delay after the first', DELAY + 1, 'resolved', ['resolved']],
    ])('%s', (_case, offset, state, types) => {
      const result = feed(raisedAt('yellow'), [normal(start), normal(start + offset)]);
      expect(result.alert.state).toBe(state);
      expect(result.types).toEqual(types);
    });

    it('resolves on the first normal outcome when the delay is zero', () => {
      const result = feed(raisedAt('yellow'), [normal(start)], { clearingDelayMs: 0 });
      expect(result.types).toEqual(['resolved']);
      expect(result.alert.resolvedObservedAt).toBe(start);
    });

    it('records the clearing run start on the first normal without an event', () => {
      const transition = observeOpenAlert(raisedAt('yellow'), normal(start, { value: 3.6 }), THIRTY_MINUTE_CLEARING, start + LAG);
      expect(transition.events).toEqual([]);
      expect(transition.alert.clearingSince).toBe(start);
      expect(transition.alert.lastObservedAt).toBe(start);
      expect(transition.alert.details).toEqual({ value: 3.6 });
    });

    it('stamps the resolution with detection time and observation time, and ends the clearing run', () => {
      const resolvingAt = start + DELAY;
      const before = feed(raisedAt('orange'), [normal(start)]).alert;
      const transition = observeOpenAlert(before, normal(resolvingAt, { value: 3.1 }), THIRTY_MINUTE_CLEARING, resolvingAt + LAG);
      expect(transition.alert).toMatchObject({
        state: 'resolved',
        acknowledged: false,
        resolvedAt: resolvingAt + LAG,
        resolvedObservedAt: resolvingAt,
        clearingSince: undefined,
        severity: 'orange',
        details: { value: 3.1 },
      });
      expect(transition.events).toEqual([
        expect.objectContaining({ type: 'resolved', at: resolvingAt + LAG, observedAt: resolvingAt, state: 'resolved', acknowledged: false }),
      ]);
    });

    it('closes an acknowledged alert as it resolves', () => {
      const acknowledged = acknowledgeAlert(raisedAt('yellow'), 'duty-forecaster-li', undefined, T0 + MINUTE).alert;
      const result = feed(acknowledged, [normal(start)], { clearingDelayMs: 0 });
      expect(result.types).toEqual(['resolved', 'closed']);
      expect(result.alert).toMatchObject({ state: 'resolved', acknowledged: true, closedAt: start + LAG });
    });

    it.each([
      ['the same severity', 'yellow', []],
      ['a higher severity', 'orange', ['escalated']],
      ['a lower severity', 'blue', ['deescalated']],
    ] as const)('restarts the clearing run after a breach at %s', (_case, severity, breachTypes) => {
      // Normals at +0 and +20 min, a breach at +10 min: the run restarts at +20 min and needs until +50 min.
      const alert = feed(raisedAt('yellow'), [normal(start), breach(severity, start + 10 * MINUTE), normal(start + 20 * MINUTE)]).alert;
      expect(alert.clearingSince).toBe(start + 20 * MINUTE);
      const short = feed(alert, [normal(start + 20 * MINUTE + DELAY - 1)]);
      expect(short.types).toEqual([]);
      const due = feed(short.alert, [normal(start + 20 * MINUTE + DELAY)]);
      expect(due.types).toEqual(['resolved']);
      expect(feed(raisedAt('yellow'), [normal(start), breach(severity, start + 10 * MINUTE)]).types).toEqual(breachTypes);
    });
  });

  describe('severity changes', () => {
    it('escalates an active alert, keeping it active and raising its peak', () => {
      const transition = observeOpenAlert(raisedAt('yellow'), breach('red', T0 + 5 * MINUTE), THIRTY_MINUTE_CLEARING, T0 + 6 * MINUTE);
      expect(transition.alert).toMatchObject({ state: 'active', severity: 'red', peakSeverity: 'red', escalatedAt: T0 + 6 * MINUTE });
      expect(transition.events).toEqual([
        expect.objectContaining({ type: 'escalated', severity: 'red', previousSeverity: 'yellow', state: 'active', observedAt: T0 + 5 * MINUTE }),
      ]);
    });

    it('makes an acknowledged alert active and unacknowledged again when it escalates', () => {
      const acknowledged = acknowledgeAlert(raisedAt('yellow'), 'duty-forecaster-li', 'watching', T0 + MINUTE).alert;
      const transition = observeOpenAlert(acknowledged, breach('orange', T0 + 5 * MINUTE), THIRTY_MINUTE_CLEARING, T0 + 6 * MINUTE);
      expect(transition.alert).toMatchObject({ state: 'active', acknowledged: false, severity: 'orange' });
      expect(transition.events).toEqual([
        expect.objectContaining({ type: 'escalated', state: 'active', acknowledged: false, previousSeverity: 'yellow' }),
      ]);
    });

    it.each([
      ['an active alert', false, 'active'],
      ['an acknowledged alert', true, 'acknowledged'],
    ] as const)('de-escalates %s without changing its state or peak', (_case, acknowledge, state) => {
      const raised = raisedAt('orange');
      const alert = acknowledge ? acknowledgeAlert(raised, 'duty-forecaster-li', undefined, T0 + MINUTE).alert : raised;
      const transition = observeOpenAlert(alert, breach('blue', T0 + 5 * MINUTE, { value: 3.7 }), THIRTY_MINUTE_CLEARING, T0 + 6 * MINUTE);
      expect(transition.alert).toMatchObject({ state, severity: 'blue', peakSeverity: 'orange', details: { value: 3.7 } });
      expect(transition.events).toEqual([expect.objectContaining({ type: 'deescalated', severity: 'blue', previousSeverity: 'orange', state })]);
    });

    it('updates the latest observation and details silently at the same severity', () => {
      const transition = observeOpenAlert(raisedAt('yellow'), breach('yellow', T0 + 5 * MINUTE, { value: 4.4 }), THIRTY_MINUTE_CLEARING, T0 + 6 * MINUTE);
      expect(transition.events).toEqual([]);
      expect(transition.alert).toMatchObject({ lastObservedAt: T0 + 5 * MINUTE, details: { value: 4.4 }, version: 1 });
    });
  });

  describe('late outcomes (observed before the latest observation)', () => {
    const latest = T0 + 20 * MINUTE;
    const current = (): Alert => feed(raisedAt('orange'), [breach('orange', latest)]).alert;

    it.each([
      ['a normal one ms late does not resolve, even with no clearing delay', normal(latest - 1), 'orange', 'active', []],
      ['a normal exactly at the latest observation resolves', normal(latest), 'orange', 'resolved', ['resolved']],
      ['a lower breach one ms late does not de-escalate', breach('yellow', latest - 1), 'orange', 'active', []],
      ['a lower breach exactly at the latest observation de-escalates', breach('yellow', latest), 'yellow', 'active', ['deescalated']],
      ['a higher breach an hour late escalates: a delayed satellite batch reveals the peak', breach('red', latest - 60 * MINUTE), 'red', 'active', ['escalated']],
    ] as const)('%s', (_case, outcome, severity, state, types) => {
      const result = feed(current(), [outcome], { clearingDelayMs: 0 });
      expect(result.types).toEqual(types);
      expect(result.alert).toMatchObject({ severity, state });
    });

    it('never moves the latest observation time back', () => {
      const result = feed(current(), [breach('red', latest - 60 * MINUTE), normal(latest - 1)]);
      expect(result.alert.lastObservedAt).toBe(latest);
      expect(result.alert.clearingSince).toBeUndefined();
    });

    it.each([
      ['inside the clearing run breaks it, so resolution waits for a full run', MINUTE + 30 * SECOND, [], latest + 2 * MINUTE + DELAY],
      ['exactly at the start of the clearing run breaks it', MINUTE, [], latest + 2 * MINUTE + DELAY],
      ['before the clearing run began leaves it, and it resolves on time: that breach was over when the run began', MINUTE - 1, ['resolved'], undefined],
    ] as const)('a late breach %s', (_case, lateBy, types, clearingSince) => {
      const clearing = feed(current(), [normal(latest + MINUTE), normal(latest + 2 * MINUTE)]).alert;
      const result = feed(clearing, [breach('orange', latest + lateBy), normal(latest + 2 * MINUTE + DELAY)]);
      expect(result.types).toEqual(types);
      expect(result.alert.clearingSince).toBe(clearingSince);
    });
  });

  describe('duplicates', () => {
    it.each([
      ['the raising breach', breach('yellow', T0)],
      ['an escalating breach', breach('red', T0 + MINUTE)],
      ['a de-escalating breach', breach('blue', T0 + MINUTE)],
      ['a normal that starts a clearing run', normal(T0 + MINUTE)],
      ['no data', noData(T0 + MINUTE)],
    ])('emit nothing the second time: %s', (_case, outcome) => {
      const once = feed(raisedAt('yellow'), [outcome]).alert;
      const twice = observeOpenAlert(once, outcome, THIRTY_MINUTE_CLEARING, T0 + 2 * MINUTE);
      expect(twice.events).toEqual([]);
      expect(twice.alert).toEqual(once);
    });
  });

  describe('no data', () => {
    const since = T0 + 5 * MINUTE;

    it('marks the alert stale since the last observation, once', () => {
      const first = observeOpenAlert(raisedAt('yellow'), noData(since), THIRTY_MINUTE_CLEARING, since + 15 * MINUTE);
      expect(first.events).toEqual([expect.objectContaining({ type: 'stale', staleSince: since, at: since + 15 * MINUTE, state: 'active' })]);
      expect(first.alert.staleSince).toBe(since);
      expect(observeOpenAlert(first.alert, noData(since + MINUTE), THIRTY_MINUTE_CLEARING, since + 20 * MINUTE).events).toEqual([]);
    });

    it('never resolves the alert, however long the silence and with no clearing delay', () => {
      let alert = raisedAt('red');
      for (let hours = 1; hours <= 48; hours += 1) {
        alert = observeOpenAlert(alert, noData(since), { clearingDelayMs: 0 }, since + hours * 3_600_000).alert;
      }
      expect(alert).toMatchObject({ state: 'active', severity: 'red', staleSince: since });
      expect(alert.resolvedAt).toBeUndefined();
    });

    it('keeps a clearing run going: silence neither extends nor breaks it', () => {
      const clearing = feed(raisedAt('yellow'), [normal(since)]).alert;
      const result = feed(clearing, [noData(since), normal(since + DELAY)]);
      expect(result.types).toEqual(['stale', 'fresh', 'resolved']);
    });

    it.each([
      ['a normal 1 ms after the silence began clears the stale mark', normal(since + 1), ['fresh'], undefined],
      ['a normal observed exactly when the silence began leaves the alert stale', normal(since), [], since],
      ['a breach after the silence clears the stale mark', breach('yellow', since + MINUTE), ['fresh'], undefined],
      ['a higher breach after the silence clears the stale mark, then escalates', breach('orange', since + MINUTE), ['fresh', 'escalated'], undefined],
    ] as const)('%s', (_case, outcome, types, staleSince) => {
      const stale = feed(raisedAt('yellow'), [noData(since)]).alert;
      const result = feed(stale, [outcome]);
      expect(result.types).toEqual(types);
      expect(result.alert.staleSince).toBe(staleSince);
    });

    it('resolves in the same batch as fresh data when the clearing delay allows', () => {
      const stale = feed(raisedAt('yellow'), [noData(since)]).alert;
      const result = feed(stale, [normal(since + MINUTE)], { clearingDelayMs: 0 });
      expect(result.types).toEqual(['fresh', 'resolved']);
      expect(result.alert.staleSince).toBeUndefined();
    });
  });
});
