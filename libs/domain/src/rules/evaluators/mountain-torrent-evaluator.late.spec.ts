import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { lookupOf, rainGauge, rainReading, T0 } from '../rainfall/__fixtures__/rain-gauges';
import { byObservationTime, everyFiveMinutes, withBurst } from '../rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from '../rainfall/__fixtures__/warning-area';
import { lastVerdictByTime, observedAtOf } from './__fixtures__/verdict-path';
import { MountainTorrentEvaluator } from './mountain-torrent-evaluator';

const G1 = '70110001';
const G2 = '70110002';
const stations = lookupOf(rainGauge(G1), rainGauge(G2));
/** The default kept span: the longest (24 h) window and an hour's margin. */
const KEPT_MS = 25 * HOUR_MS;

/** An evaluator (1 h 35/45, 3 h 55/75, 6 h 70/95, 24 h 100/130 mm) that has already judged these reports, fed in order. */
function live(reports: readonly Reading[]): { evaluator: MountainTorrentEvaluator; said: AlertOutcome[] } {
  const evaluator = new MountainTorrentEvaluator(torrentRule(warningArea()), stations);
  const said = byObservationTime(reports).flatMap((reading) => evaluator.accept(reading));
  return { evaluator, said };
}

/** Both gauges' dry 5-minute reports in (T0, T0 + hours], but for G1's at the minutes given. */
const dryBut = (hours: number, ...lostG1: number[]) => [
  ...everyFiveMinutes(G1, T0, T0 + hours * HOUR_MS).filter((reading) => !lostG1.includes((reading.observedAt - T0) / MINUTE_MS)),
  ...everyFiveMinutes(G2, T0, T0 + hours * HOUR_MS),
];

/** Severity of each breach, or the kind of outcome, with the time it speaks for in minutes after T0. */
const verdicts = (outcomes: readonly AlertOutcome[]) =>
  outcomes.map((outcome) => [outcome.type === 'breach' ? outcome.severity : outcome.type, (observedAtOf(outcome) - T0) / MINUTE_MS] as const);

/** The same verdict at the given minutes after T0. */
const at = (verdict: string, minutes: readonly number[]) => minutes.map((minute) => [verdict, minute] as const);
/** Every fifth minute from one to another, both included. */
const fives = (from: number, to: number) => Array.from({ length: (to - from) / 5 + 1 }, (_, k) => from + k * 5);

describe('MountainTorrentEvaluator with late reports', () => {
  it.each([
    ['40 mm: 准备转移 while it is in the 1 h window', 40, [...at('orange', fives(60, 115)), ...at('normal', fives(120, 180))]],
    ['exactly 35 mm: 准备转移', 35, [...at('orange', fives(60, 115)), ...at('normal', fives(120, 180))]],
    ['45 mm: 立即转移', 45, [...at('red', fives(60, 115)), ...at('normal', fives(120, 180))]],
    ['34.9 mm: nothing to warn of', 34.9, at('normal', fives(60, 180))],
  ] as const)('sees a 1 h burst of %s, although it has left the window by the evaluation time', (_case, burst, expected) => {
    const { evaluator, said } = live(dryBut(3, 60));
    // Live, the gauge was behind at its lost report and then dry.
    expect(verdicts(said.filter((outcome) => observedAtOf(outcome) >= T0 + HOUR_MS))).toEqual(at('normal', fives(65, 180)));
    const outcomes = evaluator.accept(rainReading(G1, T0 + HOUR_MS, burst));
    expect(verdicts(outcomes)).toEqual(expected);
    expect(outcomes[0]).toMatchObject(burst >= 35 ? { details: { windowHours: 1, rainfall: burst, gaugeId: G1, incomplete: false } } : {});
    expect(evaluator.current()).toEqual({ type: 'normal', observedAt: T0 + 3 * HOUR_MS });
  });

  it('judges a report time two gauges share once, and an added report of one gauge at its own time', () => {
    const { evaluator } = live([...dryBut(3, 60), rainReading(G2, T0 + 62 * MINUTE_MS, 0)]);
    const outcomes = evaluator.accept(rainReading(G1, T0 + HOUR_MS, 40));
    expect(verdicts(outcomes)).toEqual([...at('orange', [60, 62, ...fives(65, 115)]), ...at('normal', fives(120, 180))]);
  });

  it.each([
    ['in dry weather', dryBut(1), 'normal'],
    ['under a warning', withBurst(dryBut(1), G1, T0 + 10 * MINUTE_MS, 40), 'orange'],
  ] as const)('re-emits the same later verdicts for a late added report that changes nothing (%s)', (_case, reports, own) => {
    const { evaluator, said } = live(reports);
    const outcomes = evaluator.accept(rainReading(G1, T0 + 32 * MINUTE_MS, 0));
    expect(verdicts(outcomes.slice(0, 1))).toEqual([[own, 32]]);
    // Where two gauges report at a time, the last verdict said there is the one with both in.
    const saidLast = lastVerdictByTime(said).map(([, outcome]) => outcome);
    expect(outcomes.slice(1)).toEqual(saidLast.filter((outcome) => observedAtOf(outcome) > T0 + 32 * MINUTE_MS));
    expect(outcomes).toHaveLength(7);
  });

  it.each([
    ['1 ms less than the kept span behind: placed, judged at its time and every report time after', KEPT_MS - 1, true],
    ['exactly the kept span behind: refused', KEPT_MS, false],
    ['1 ms more than the kept span behind: refused', KEPT_MS + 1, false],
  ] as const)('takes a report %s', (_case, behind, placed) => {
    const { evaluator } = live(dryBut(1));
    const reportAt = T0 + HOUR_MS - behind;
    const expected = placed ? [['red', (reportAt - T0) / MINUTE_MS], ...at('normal', fives(5, 60))] : [];
    expect(verdicts(evaluator.accept(rainReading(G1, reportAt, 50)))).toEqual(expected);
  });

  it('never says normal at a time whose 24 h window reaches reports already dropped; breaches there stand', () => {
    // Bursts of 30 mm every 7 h make 120 mm a day: 准备转移 on the 24 h window from +21 h to +23:55.
    const end = T0 + 25 * HOUR_MS + 30 * MINUTE_MS;
    let g1 = everyFiveMinutes(G1, T0 - 5 * MINUTE_MS, end);
    for (const hour of [0, 7, 14, 21]) g1 = withBurst(g1, G1, T0 + hour * HOUR_MS, 30);
    const all = byObservationTime([...g1, ...everyFiveMinutes(G2, T0 - 5 * MINUTE_MS, end)]);
    const lateAt = T0 + 22 * HOUR_MS;
    const isLate = (reading: Reading) => reading.stationId === G1 && reading.observedAt === lateAt;
    const inOrder = live(all).said;
    const { evaluator, said } = live(all.filter((reading) => !isLate(reading)));
    // By now the T0 burst has been dropped (kept: 25 h behind +25:30): the re-judged 24 h totals before +24 h lack it.
    const rejudged = evaluator.accept(rainReading(G1, lateAt, 0));
    expect(rejudged.every((outcome) => observedAtOf(outcome) >= T0 + 24 * HOUR_MS + 30 * MINUTE_MS)).toBe(true);
    // Only the details of the breaches said before the late report came differ: they list G1 as silent.
    const levels = (outcomes: readonly AlertOutcome[]) => lastVerdictByTime(outcomes).map(([at, outcome]) => [at, outcome.type, outcome.type === 'breach' ? outcome.severity : undefined]);
    expect(levels([...said, ...rejudged])).toEqual(levels(inOrder));
    expect(new Map(lastVerdictByTime(inOrder)).get(lateAt)).toMatchObject({ type: 'breach', severity: 'orange' });
  });
});
