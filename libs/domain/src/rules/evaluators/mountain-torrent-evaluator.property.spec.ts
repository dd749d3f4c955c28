import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { rainInTwoOrders } from '../rainfall/__fixtures__/rain-arrivals';
import { lookupOf, rainGauge } from '../rainfall/__fixtures__/rain-gauges';
import { byObservationTime } from '../rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from '../rainfall/__fixtures__/warning-area';
import type { Reading } from '../../telemetry/reading';
import { acceptEach, lastVerdictByTime, observedAtOf, timesOf } from './__fixtures__/verdict-path';
import { MountainTorrentEvaluator } from './mountain-torrent-evaluator';

const gauges = ['70110001', '70110002', '70110003'];
const stations = lookupOf(...gauges.map((id) => rainGauge(id)));
const aggregation = fc.constantFrom('max' as const, 'mean' as const);
const rule = (how: 'max' | 'mean') => torrentRule(warningArea({ gaugeIds: gauges, aggregation: how }));
const FIVE_MINUTES = 300_000;

/** An evaluator fed the reports in the order given, with what each one brought back. */
function fed(readings: readonly Reading[], how: 'max' | 'mean'): { evaluator: MountainTorrentEvaluator; outcomes: (readonly AlertOutcome[])[] } {
  const evaluator = new MountainTorrentEvaluator(rule(how), stations);
  return { evaluator, outcomes: acceptEach(evaluator, readings) };
}

/** Whether any window of the area's table holds a critical rainfall at `t`, summed by hand from the reports in (t − w, t]. */
function reachesCriticalRainfall(reports: readonly Reading[], t: number, how: 'max' | 'mean'): boolean {
  return rule(how).area.thresholds.some(({ windowHours, prepare }) => {
    const micrometres = gauges.map((gauge) =>
      reports
        .filter((report) => report.stationId === gauge && report.observedAt > t - windowHours * 3_600_000 && report.observedAt <= t)
        .reduce((sum, report) => sum + Math.round(report.value * 1000), 0),
    );
    const compared = how === 'max' ? Math.max(...micrometres) : micrometres.reduce((a, b) => a + b, 0);
    return compared >= prepare * 1000 * (how === 'max' ? 1 : gauges.length);
  });
}

describe('MountainTorrentEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as reports fed in observation-time order, and gives last at every report time the verdict given there in that order', () => {
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([reports, arrival], how) => {
        const inOrder = fed(byObservationTime(reports), how);
        const arrived = fed(arrival, how);
        expect(arrived.evaluator.current()).toEqual(inOrder.evaluator.current());
        // In order, a report brings at most the verdict at its own time.
        expect(inOrder.outcomes.map(timesOf)).toEqual(inOrder.outcomes.map((said, k) => (said.length === 0 ? [] : [byObservationTime(reports)[k]!.observedAt])));
        expect(lastVerdictByTime(arrived.outcomes.flat())).toEqual(lastVerdictByTime(inOrder.outcomes.flat()));
      }),
    );
  });

  it('changes nothing when reports are fed again', () => {
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([reports, again], how) => {
        const { evaluator } = fed(byObservationTime(reports), how);
        const before = evaluator.current();
        expect(acceptEach(evaluator, again)).toEqual(again.map(() => []));
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });

  it('says "normal" at a time only with no window at a critical rainfall there and every gauge in for its latest 5-minute slot', () => {
    let normals = 0;
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([, arrival], how) => {
        const evaluator = fed([], how).evaluator;
        arrival.forEach((reading, k) => {
          const arrived = arrival.slice(0, k + 1);
          for (const outcome of evaluator.accept(reading)) {
            if (outcome.type !== 'normal') continue;
            normals += 1;
            const t = observedAtOf(outcome);
            const slot = Math.floor(t / FIVE_MINUTES) * FIVE_MINUTES;
            // What each gauge had reported up to t: reports after it do not vouch for it.
            const latest = gauges.map((gauge) => Math.max(-Infinity, ...arrived.filter((report) => report.stationId === gauge && report.observedAt <= t).map((report) => report.observedAt)));
            expect(latest.every((at) => at >= slot && t - at < rule(how).staleAfterMs)).toBe(true);
            expect(reachesCriticalRainfall(arrived, t, how)).toBe(false);
          }
        });
      }),
      { numRuns: 50 },
    );
    // The property must have been put to the test.
    expect(normals).toBeGreaterThan(0);
  });
});
