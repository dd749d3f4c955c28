import { describe, expect, it } from '@jest/globals';
import { HOUR, MINUTE, SpecRandom, T0 } from './__fixtures__/alert-fixtures';
import type { Alert } from './alert';
import { AlertBook, type AlertBookOptions } from './alert-book';
import { AlertAlreadyAcknowledgedError } from './alert-already-acknowledged.error';
import { ALERT_EVENT_TYPES, type AlertEvent } from './alert-event';
import type { AlertOutcome } from './alert-outcome';
import type { AlertPolicy } from './alert-policy';
import type { AlertSubject } from './alert-subject';
import { SEVERITIES } from './severity';

const POLICIES: Readonly<Record<string, AlertPolicy>> = {
  'water-level': { clearingDelayMs: 0, renotifyAfterMs: 10 * MINUTE },
  'mountain-torrent': { clearingDelayMs: 15 * MINUTE },
  'battery-low': { clearingDelayMs: 5 * MINUTE, renotifyAfterMs: 0 },
};

const SUBJECTS: readonly AlertSubject[] = [
  { ruleId: 'water-level', kind: 'water_level', subjectId: '70600002', stationIds: ['70600002'], district: 'lucheng', basin: 'ou' },
  { ruleId: 'water-level', kind: 'water_level', subjectId: '70600007', stationIds: ['70600007'], district: 'ruian', basin: 'feiyun' },
  { ruleId: 'mountain-torrent', kind: 'mountain_torrent', subjectId: 'wencheng-shanxi', stationIds: ['70500001', '70500003'], district: 'wencheng' },
  { ruleId: 'battery-low', kind: 'battery_low', subjectId: '70500003', stationIds: ['70500003'] },
];

const OPTIONS: AlertBookOptions = {
  policyFor: (ruleId) => POLICIES[ruleId]!,
  // Station 70500003 is serviced from T0 + 2 h to T0 + 4 h.
  isSuppressed: (stationIds, at) => stationIds.every((id) => id === '70500003') && at >= T0 + 2 * HOUR && at < T0 + 4 * HOUR,
};

/** What the log carries; the progress since the last event (see applyAlertEvent) is compared apart. */
function logged(alert: Alert): Omit<Alert, 'lastObservedAt' | 'details' | 'clearingSince'> {
  const { lastObservedAt: _last, details: _details, clearingSince: _clearing, ...rest } = alert;
  return rest;
}

/** A night of outcomes, acknowledgements and ticks; the log is what a JSON event store would hand back. */
function simulate(seed: number, steps: number, onCheckpoint: (live: AlertBook, log: readonly AlertEvent[]) => void): readonly AlertEvent[] {
  const random = new SpecRandom(seed);
  const live = new AlertBook(OPTIONS);
  const log: AlertEvent[] = [];
  const observed = new Map<AlertSubject, number>(SUBJECTS.map((subject) => [subject, T0]));
  const lastOutcome = new Map<AlertSubject, AlertOutcome>();
  const append = (events: readonly AlertEvent[]) => log.push(...(JSON.parse(JSON.stringify(events)) as AlertEvent[]));
  let now = T0;
  for (let step = 1; step <= steps; step += 1) {
    now += random.index(3 * MINUTE);
    const roll = random.next();
    if (roll < 0.7) {
      const subject = random.pick(SUBJECTS);
      const latest = Math.max(observed.get(subject)!, now - random.index(10 * MINUTE));
      observed.set(subject, latest);
      const observedAt = random.chance(0.15) ? latest - random.index(30 * MINUTE) : latest;
      const kind = random.next();
      const repeat = lastOutcome.get(subject);
      const outcome: AlertOutcome =
        random.chance(0.05) && repeat !== undefined
          ? repeat
          : kind < 0.45
            ? { type: 'breach', severity: random.pick(SEVERITIES), observedAt, details: { value: random.index(500) / 100 } }
            : kind < 0.85
              ? { type: 'normal', observedAt, ...(random.chance(0.5) && { details: { value: random.index(300) / 100 } }) }
              : { type: 'no_data', since: observedAt };
      lastOutcome.set(subject, outcome);
      append(live.observe(subject, outcome, now));
    } else if (roll < 0.85) {
      const candidates = live.list({ includeClosed: true });
      if (candidates.length > 0) {
        try {
          append(live.acknowledge(random.pick(candidates).id, 'duty-forecaster', random.chance(0.5) ? 'seen' : undefined, now));
        } catch (error) {
          if (!(error instanceof AlertAlreadyAcknowledgedError)) throw error;
        }
      }
    } else {
      append(live.tick(now));
    }
    if (step % 50 === 0) onCheckpoint(live, log);
  }
  return log;
}

describe('AlertBook.fromEvents', () => {
  const seeds = Array.from({ length: 12 }, (_, index) => 20240915 + index);

  it.each(seeds.map((seed) => [seed]))('rebuilds from the logged events the alerts a live book holds (seed %i)', (seed) => {
    let checkpoints = 0;
    simulate(seed, 600, (live, log) => {
      checkpoints += 1;
      const rebuilt = AlertBook.fromEvents(log, OPTIONS);
      const liveAlerts = live.list({ includeClosed: true });
      const rebuiltAlerts = rebuilt.list({ includeClosed: true });
      expect(rebuiltAlerts.map(logged)).toEqual(liveAlerts.map(logged));
      liveAlerts.forEach((alert, index) => {
        expect(rebuiltAlerts[index]!.lastObservedAt).toBeLessThanOrEqual(alert.lastObservedAt);
      });
      for (const subject of SUBJECTS) {
        expect(rebuilt.openFor(subject.ruleId, subject.subjectId)?.id).toBe(live.openFor(subject.ruleId, subject.subjectId)?.id);
      }
    });
    expect(checkpoints).toBe(12);
  });

  it('exercises every kind of transition across the seeds, so the rebuild check is not vacuous', () => {
    const seen = new Set(seeds.flatMap((seed) => simulate(seed, 600, () => undefined).map((event) => event.type)));
    expect([...seen].sort()).toEqual([...ALERT_EVENT_TYPES].sort());
  });

  it('rebuilds exactly, progress included, when every outcome since the last event produced one', () => {
    const log: AlertEvent[] = [];
    const live = new AlertBook(OPTIONS);
    const [river, rain] = SUBJECTS;
    log.push(...live.observe(river!, { type: 'breach', severity: 'yellow', observedAt: T0, details: { value: 4.1 } }, T0 + MINUTE));
    log.push(...live.observe(river!, { type: 'breach', severity: 'red', observedAt: T0 + 5 * MINUTE, details: { value: 5.3 } }, T0 + 6 * MINUTE));
    log.push(...live.observe(rain!, { type: 'breach', severity: 'blue', observedAt: T0, details: { value: 3.9 } }, T0 + MINUTE));
    log.push(...live.observe(rain!, { type: 'no_data', since: T0 + 2 * MINUTE }, T0 + 20 * MINUTE));
    log.push(...live.tick(T0 + 30 * MINUTE));
    expect(log.map((event) => event.type)).toEqual(['raised', 'escalated', 'raised', 'stale', 'renotified', 'renotified']);
    expect(AlertBook.fromEvents(JSON.parse(JSON.stringify(log)) as AlertEvent[], OPTIONS).list()).toEqual(live.list());
  });
});
