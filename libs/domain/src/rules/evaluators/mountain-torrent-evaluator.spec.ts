import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { hydrologicalDayOf } from '../../time/hydrological-day';
import { lookupOf, rainGauge, rainReading, T0 } from '../rainfall/__fixtures__/rain-gauges';
import { byObservationTime, everyFiveMinutes, withBurst } from '../rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from '../rainfall/__fixtures__/warning-area';
import { RainfallWindows } from '../rainfall/rainfall-windows';
import type { WarningArea } from '../rule-set';
import { observedAtOf, timesOf } from './__fixtures__/verdict-path';
import { MountainTorrentEvaluator } from './mountain-torrent-evaluator';

const G1 = '70110001';
const G2 = '70110002';
const stations = lookupOf(rainGauge(G1), rainGauge(G2));
const evaluatorFor = (area: Partial<WarningArea> = {}) => new MountainTorrentEvaluator(torrentRule(warningArea(area)), stations);

/** What each report, fed in turn, brought back. */
function feed(evaluator: MountainTorrentEvaluator, readings: readonly Reading[]): (readonly AlertOutcome[])[] {
  return readings.map((reading) => evaluator.accept(reading));
}

/** Both gauges' 5-minute reports from T0 to T0 + the given hours; G1's report at the end of hour k carries `g1[k - 1]` mm, G2's `g2[k - 1]`. */
function hourlyRain(g1: readonly number[], g2: readonly number[] = []): Reading[] {
  const end = T0 + Math.max(g1.length, g2.length, 1) * HOUR_MS;
  let reports = [...everyFiveMinutes(G1, T0, end), ...everyFiveMinutes(G2, T0, end)];
  g1.forEach((mm, k) => (reports = withBurst(reports, G1, T0 + (k + 1) * HOUR_MS, mm)));
  g2.forEach((mm, k) => (reports = withBurst(reports, G2, T0 + (k + 1) * HOUR_MS, mm)));
  return byObservationTime(reports);
}

describe('MountainTorrentEvaluator', () => {
  describe('critical rainfall (1 h 35/45, 3 h 55/75, 6 h 70/95, 24 h 100/130 mm)', () => {
    it.each([
      ['1 h 0.1 mm short of 准备转移', [34.9], undefined, undefined, undefined],
      ['1 h exactly at 准备转移', [35], 'prepare', 1, 35],
      ['1 h 0.1 mm short of 立即转移', [44.9], 'prepare', 1, 35],
      ['1 h exactly at 立即转移', [45], 'evacuate', 1, 45],
      ['3 h exactly at 准备转移, no hour reaching it', [18.3, 18.3, 18.4], 'prepare', 3, 55],
      ['3 h 0.1 mm short of 准备转移', [18.3, 18.3, 18.3], undefined, undefined, undefined],
      ['3 h at 立即转移 beats 1 h at 准备转移', [30, 30, 36], 'evacuate', 3, 75],
      ['1 h and 3 h both at 准备转移: the shorter window', [10, 10, 36], 'prepare', 1, 35],
      ['the old rain still in the 3 h window', [36, 20, 0], 'prepare', 3, 55],
      ['24 h exactly at 立即转移', Array.from({ length: 24 }, (_, k) => (k % 2 === 0 && k < 20 ? 13 : 0)), 'evacuate', 24, 130],
    ] as const)('%s', (_case, g1, level, windowHours, threshold) => {
      const evaluator = evaluatorFor();
      const outcomes = feed(evaluator, hourlyRain(g1));
      const last = outcomes[outcomes.length - 1]!;
      const observedAt = T0 + g1.length * HOUR_MS;
      const expected =
        level === undefined
          ? { type: 'normal', observedAt }
          : { type: 'breach', severity: level === 'evacuate' ? 'red' : 'orange', observedAt, details: { level, windowHours, threshold } };
      // The last report, in order, brings the one verdict at its time.
      expect(last).toMatchObject([expected]);
      expect(evaluator.current()).toEqual(last[0]);
    });
  });

  describe('rolling windows', () => {
    it.each([
      ['1 ms short of an hour after the burst it still counts', HOUR_MS - 1, 'breach'],
      ['exactly an hour after the burst it has left the 1 h window', HOUR_MS, 'normal'],
    ] as const)('%s', (_case, after, type) => {
      const evaluator = evaluatorFor();
      const burstAt = T0 + HOUR_MS;
      feed(evaluator, byObservationTime([...everyFiveMinutes(G1, T0, burstAt + after - 1), ...everyFiveMinutes(G2, T0, burstAt + after)]));
      evaluator.accept(rainReading(G1, burstAt, 40));
      // An added report of no rain at exactly the evaluation time under test.
      expect(evaluator.accept(rainReading(G1, burstAt + after, 0))).toMatchObject([{ type, observedAt: burstAt + after }]);
    });

    it('says breach while the burst is in a window and normal from the report an hour after it', () => {
      const evaluator = evaluatorFor();
      const readings = hourlyRain([40, 0]);
      const outcomes = feed(evaluator, readings);
      // In order, a report brings at most the verdict at its own time.
      expect(outcomes.map(timesOf)).toEqual(outcomes.map((said, k) => (said.length === 0 ? [] : [readings[k]!.observedAt])));
      const verdicts = outcomes
        .flat()
        .map((outcome) => [observedAtOf(outcome), outcome.type] as const)
        .filter(([at]) => at >= T0 + HOUR_MS);
      expect(verdicts.length).toBeGreaterThan(12);
      for (const [at, type] of verdicts) expect([at, type]).toEqual([at, at < T0 + 2 * HOUR_MS ? 'breach' : 'normal']);
    });

    it.each([
      ['over the 08:00 hydrological-day boundary', T0],
      ['in the middle of the afternoon', T0 + 6 * HOUR_MS],
    ])('judges an hour of rain %s the same way', (_case, boundary) => {
      const evaluator = evaluatorFor();
      const end = boundary + 5 * MINUTE_MS;
      let reports = [...everyFiveMinutes(G1, boundary - HOUR_MS, end), ...everyFiveMinutes(G2, boundary - HOUR_MS, end)];
      reports = withBurst(withBurst(reports, G1, boundary - 25 * MINUTE_MS, 20), G1, end, 20);
      feed(evaluator, byObservationTime(reports));
      const verdict = evaluator.current();
      expect(verdict).toMatchObject({ type: 'breach', severity: 'orange', observedAt: end });
      expect(verdict?.type === 'breach' && verdict.details).toMatchObject({ windowHours: 1, rainfall: 40, gaugeId: G1, incomplete: false });
    });

    it('lets the boundary case above really straddle two hydrological days', () => {
      expect(hydrologicalDayOf(T0 - 25 * MINUTE_MS).label).not.toBe(hydrologicalDayOf(T0 + 5 * MINUTE_MS).label);
      expect(hydrologicalDayOf(T0 + 6 * HOUR_MS - 25 * MINUTE_MS).label).toBe(hydrologicalDayOf(T0 + 6 * HOUR_MS + 5 * MINUTE_MS).label);
    });
  });

  describe('aggregation over the area’s gauges', () => {
    it.each([
      ['max: the wettest gauge decides', 'max', 60, 20, 'evacuate', 60, G1],
      ['max: the second gauge can be the wettest', 'max', 20, 36, 'prepare', 36, G2],
      ['mean: the same rain is only 准备转移', 'mean', 60, 20, 'prepare', 40, null],
      ['mean: exactly at 准备转移', 'mean', 40, 30, 'prepare', 35, null],
      ['mean: 0.05 mm short of 准备转移', 'mean', 40, 29.9, undefined, undefined, undefined],
    ] as const)('%s', (_case, aggregation, g1, g2, level, rainfall, gaugeId) => {
      const evaluator = evaluatorFor({ aggregation });
      feed(evaluator, hourlyRain([g1], [g2]));
      const expected = level === undefined ? { type: 'normal' } : { type: 'breach', details: { level, rainfall, gaugeId, aggregation } };
      expect(evaluator.current()).toMatchObject(expected);
    });
  });

  it('describes the warning with the area, the crossing and whom to call', () => {
    const area = warningArea();
    const evaluator = new MountainTorrentEvaluator(torrentRule(area), stations);
    feed(evaluator, hourlyRain([46]));
    expect(evaluator.current()).toEqual({
      type: 'breach',
      severity: 'red',
      observedAt: T0 + HOUR_MS,
      details: {
        areaId: area.id,
        areaName: area.name,
        villages: area.villages,
        town: area.town,
        district: area.district,
        population: area.population,
        level: 'evacuate',
        windowHours: 1,
        rainfall: 46,
        threshold: 45,
        gaugeId: G1,
        aggregation: 'max',
        incomplete: false,
        silentGauges: [],
        contacts: area.contacts,
      },
    });
  });

  it('speaks for the area as its subject, reading each gauge’s rainfall', () => {
    const evaluator = evaluatorFor();
    expect(evaluator.subject).toEqual({ ruleId: 'mt-yj-yantou-lishui', kind: 'mountain_torrent', subjectId: 'yj-yantou-lishui', stationIds: [G1, G2], district: 'yongjia', basin: 'ou' });
    expect(evaluator.inputs).toEqual([
      { stationId: G1, element: 'rainfall' },
      { stationId: G2, element: 'rainfall' },
    ]);
    expect(evaluator.policy).toEqual({ clearingDelayMs: 0 });
  });

  describe('configuration it refuses', () => {
    it.each([
      ['a gauge the registry does not know', { gaugeIds: [G1, '79999999'] }],
      ['a gauge listed twice', { gaugeIds: [G1, G1] }],
      ['no gauges', { gaugeIds: [] }],
      ['no critical rainfall', { thresholds: [] }],
    ])('%s', (_case, area) => {
      expect(() => evaluatorFor(area)).toThrow(RangeError);
    });

    it('shared windows that keep less than the area’s longest window', () => {
      const area = warningArea({ thresholds: [{ windowHours: 72, prepare: 150, evacuate: 200 }] });
      expect(() => new MountainTorrentEvaluator(torrentRule(area), stations, new RainfallWindows(stations))).toThrow(RangeError);
      expect(() => new MountainTorrentEvaluator(torrentRule(area), stations, new RainfallWindows(stations, 72 * HOUR_MS))).not.toThrow();
    });
  });
});
