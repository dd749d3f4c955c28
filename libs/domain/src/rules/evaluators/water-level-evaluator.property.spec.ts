import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import { acceptEach, lastVerdictByTime, timesOf } from './__fixtures__/verdict-path';
import { byMinute, pointsInTwoOrders, type LevelPoint } from './level/__fixtures__/arrival-orders';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { wenxiWaterLevelRule } from './__fixtures__/wenxi-water-level-rule';
import { WaterLevelEvaluator } from './water-level-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule = wenxiWaterLevelRule(station.id, { minDurationMs: 20 * MIN, clearingDelayMs: 0 });
const edges = [4.0, 4.1, 4.101, 4.15, 4.2, 4.9, 4.95, 5.0, 5.5];

const readingsOf = (points: readonly LevelPoint[]) => points.map(({ minute, value }) => levelReading(station.id, T0 + minute * MIN, value));

/** An evaluator fed the points in the order given, with what each one brought back. */
function fed(points: readonly LevelPoint[]): { evaluator: WaterLevelEvaluator; outcomes: (readonly AlertOutcome[])[] } {
  const evaluator = new WaterLevelEvaluator(rule, station);
  return { evaluator, outcomes: acceptEach(evaluator, readingsOf(points)) };
}

describe('WaterLevelEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as readings fed in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([points, arrival]) => {
        expect(fed(arrival).evaluator.current()).toEqual(fed(byMinute(points)).evaluator.current());
      }),
    );
  });

  it('gives, at every observation time, last the verdict observation-time order gives there', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([points, arrival]) => {
        const inOrder = fed(byMinute(points));
        // In order, each reading brings exactly the verdict at its own time.
        expect(inOrder.outcomes.map(timesOf)).toEqual(readingsOf(byMinute(points)).map((reading) => [reading.observedAt]));
        expect(lastVerdictByTime(fed(arrival).outcomes.flat())).toEqual(lastVerdictByTime(inOrder.outcomes.flat()));
      }),
    );
  });

  it('judges a reading’s own time and every time held after it, oldest first', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([, arrival]) => {
        const readings = readingsOf(arrival);
        fed(arrival).outcomes.forEach((outcomes, k) => {
          const at = readings[k]!.observedAt;
          const held = readings.slice(0, k + 1).map((reading) => reading.observedAt);
          expect(timesOf(outcomes)).toEqual(held.filter((t) => t >= at).sort((a, b) => a - b));
        });
      }),
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(6 * 60, edges, [3.5, 6]), ([points, again]) => {
        const { evaluator } = fed(points);
        const before = evaluator.current();
        expect(acceptEach(evaluator, readingsOf(again))).toEqual(again.map(() => []));
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
