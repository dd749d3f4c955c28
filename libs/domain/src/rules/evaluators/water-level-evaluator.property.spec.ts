import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { WaterLevelRule } from '../rule-set';
import { byMinute, pointsInTwoOrders, type LevelPoint } from './level/__fixtures__/arrival-orders';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { WaterLevelEvaluator } from './water-level-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule: WaterLevelRule = {
  id: 'wl-wenxi',
  kind: 'water_level',
  stationId: station.id,
  direction: 'rising',
  thresholds: [
    { code: 'warning', name: '警戒水位', level: 4.2, severity: 'yellow' },
    { code: 'guaranteed', name: '保证水位', level: 5.0, severity: 'orange' },
  ],
  hysteresis: 0.1,
  minDurationMs: 20 * MIN,
  clearingDelayMs: 0,
  staleAfterMs: 60 * MIN,
};
const edges = [4.0, 4.1, 4.101, 4.15, 4.2, 4.9, 4.95, 5.0, 5.5];

function fed(points: readonly LevelPoint[]): WaterLevelEvaluator {
  const evaluator = new WaterLevelEvaluator(rule, station);
  for (const { minute, value } of points) evaluator.accept(levelReading(station.id, T0 + minute * MIN, value));
  return evaluator;
}

describe('WaterLevelEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as readings fed in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([points, arrival]) => {
        expect(fed(arrival).current()).toEqual(fed(byMinute(points)).current());
      }),
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([points, again]) => {
        const evaluator = fed(points);
        const before = evaluator.current();
        const repeats = again.map(({ minute, value }) => evaluator.accept(levelReading(station.id, T0 + minute * MIN, value)));
        expect(repeats.every((outcome) => outcome === undefined)).toBe(true);
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
