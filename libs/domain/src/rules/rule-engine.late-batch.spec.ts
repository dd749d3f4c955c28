import { describe, expect, it } from '@jest/globals';
import { AlertBook } from '../alerts/alert-book';
import type { AlertEvent } from '../alerts/alert-event';
import type { Reading } from '../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { rainReading, T0 } from './rainfall/__fixtures__/rain-gauges';
import { everyFiveMinutes } from './rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from './rainfall/__fixtures__/warning-area';
import { RuleEngine } from './rule-engine';
import { engineStations, RAIN } from './rule-engine.fixture';

/**
 * The worked example of docs/rules.md ("Late readings"): 东门村's critical rainfall, one gauge, a 60-minute
 * clearing delay, and reports of 14:55–15:25 arriving in one BeiDou batch after the 15:30 one.
 */
const GAUGE = RAIN[0];
const AT_1400 = T0 + 6 * HOUR_MS; // T0 is 08:00 in Beijing
const at = (hhmm: string): number => {
  const [hours, minutes] = hhmm.split(':').map(Number) as [number, number];
  return AT_1400 + (hours - 14) * HOUR_MS + minutes * MINUTE_MS;
};
const rule = torrentRule(
  warningArea({
    gaugeIds: [GAUGE],
    thresholds: [
      { windowHours: 1, prepare: 53, evacuate: 69 },
      { windowHours: 3, prepare: 82, evacuate: 104 },
      { windowHours: 6, prepare: 103, evacuate: 130 },
      { windowHours: 24, prepare: 141, evacuate: 175 },
    ],
  }),
  { clearingDelayMs: 60 * MINUTE_MS },
);
const rain: Record<string, number> = { '14:55': 5, '15:00': 8, '15:05': 8, '15:10': 8 };
const report = (hhmm: string): Reading => rainReading(GAUGE, at(hhmm), rain[hhmm] ?? (at(hhmm) <= at('14:50') ? 5 : 0));
const slots = (from: string, to: string): string[] => {
  const times: string[] = [];
  for (let t = at(from); t <= at(to); t += 5 * MINUTE_MS) times.push(new Date(t + 8 * HOUR_MS).toISOString().slice(11, 16));
  return times;
};

/** Feeds the engine and the book: a dry day, then the arrivals, each a batch detected at its time; returns the alert events. */
function run(arrivals: readonly (readonly [detectedAt: string, reports: readonly string[]])[]): AlertEvent[] {
  const engine = new RuleEngine({ waterLevel: [], rateOfRise: [], venues: [], mountainTorrent: [rule] }, engineStations);
  const book = new AlertBook({ policyFor: (ruleId) => engine.policyFor(ruleId)! });
  engine.accept(everyFiveMinutes(GAUGE, AT_1400 - 24 * HOUR_MS, AT_1400));
  const events: AlertEvent[] = [];
  for (const [detectedAt, reports] of arrivals) {
    for (const { subject, outcome } of engine.accept(reports.map(report))) events.push(...book.observe(subject, outcome, at(detectedAt)));
  }
  return events;
}
const summary = (events: readonly AlertEvent[]) => events.map((event) => [event.type, event.severity, event.observedAt, event.at]);

describe('RuleEngine and AlertBook, a village’s reports of a burst arriving late in a BeiDou batch', () => {
  it('raises the burst at its crossing time, escalates to its peak, and resolves after the clearing delay', () => {
    const late = run([
      ['14:50', slots('14:05', '14:50')],
      ['15:30', ['15:30']],
      ['15:40', slots('14:55', '15:25')],
      ['16:30', slots('15:35', '16:30')],
    ]);
    expect(summary(late)).toEqual([
      ['raised', 'orange', at('14:55'), at('15:40')],
      ['escalated', 'red', at('15:10'), at('15:40')],
      ['resolved', 'red', at('16:30'), at('16:30')],
    ]);
  });

  it('gives the events of readings in time, but for the de-escalation late outcomes never make', () => {
    const inTime = run(slots('14:05', '16:30').map((hhmm) => [hhmm, [hhmm]] as const));
    expect(summary(inTime)).toEqual([
      ['raised', 'orange', at('14:55'), at('14:55')],
      ['escalated', 'red', at('15:10'), at('15:10')],
      ['deescalated', 'orange', at('15:15'), at('15:15')],
      ['resolved', 'orange', at('16:30'), at('16:30')],
    ]);
  });
});
