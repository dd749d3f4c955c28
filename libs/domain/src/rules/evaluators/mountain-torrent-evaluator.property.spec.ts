import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { rainInTwoOrders } from '../rainfall/__fixtures__/rain-arrivals';
import { lookupOf, rainGauge } from '../rainfall/__fixtures__/rain-gauges';
import { byObservationTime } from '../rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from '../rainfall/__fixtures__/warning-area';
import type { Reading } from '../../telemetry/reading';
import { MountainTorrentEvaluator } from './mountain-torrent-evaluator';

const gauges = ['70110001', '70110002', '70110003'];
const stations = lookupOf(...gauges.map((id) => rainGauge(id)));
const aggregation = fc.constantFrom('max' as const, 'mean' as const);

function fed(readings: readonly Reading[], how: 'max' | 'mean'): MountainTorrentEvaluator {
  const evaluator = new MountainTorrentEvaluator(torrentRule(warningArea({ gaugeIds: gauges, aggregation: how })), stations);
  for (const reading of readings) evaluator.accept(reading);
  return evaluator;
}

describe('MountainTorrentEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as reports fed in observation-time order', () => {
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([reports, arrival], how) => {
        expect(fed(arrival, how).current()).toEqual(fed(byObservationTime(reports), how).current());
      }),
    );
  });

  it('changes nothing when reports are fed again', () => {
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([reports, again], how) => {
        const evaluator = fed(reports, how);
        const before = evaluator.current();
        expect(again.map((reading) => evaluator.accept(reading)).every((outcome) => outcome === undefined)).toBe(true);
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });

  it('says "normal" only with no window at a critical rainfall and every gauge in for the latest 5-minute slot', () => {
    let normals = 0;
    fc.assert(
      fc.property(rainInTwoOrders(gauges, 6), aggregation, ([, arrival], how) => {
        const evaluator = fed([], how);
        const newest = new Map<string, number>();
        for (const reading of arrival) {
          newest.set(reading.stationId, Math.max(newest.get(reading.stationId) ?? -Infinity, reading.observedAt));
          const outcome = evaluator.accept(reading);
          if (outcome?.type !== 'normal') continue;
          normals += 1;
          const slot = Math.floor(outcome.observedAt / 300_000) * 300_000;
          expect(gauges.every((gauge) => (newest.get(gauge) ?? -Infinity) >= slot)).toBe(true);
          expect(evaluator.windows().every((window) => window.level === undefined)).toBe(true);
        }
      }),
    );
    // The property must have been put to the test.
    expect(normals).toBeGreaterThan(0);
  });
});
