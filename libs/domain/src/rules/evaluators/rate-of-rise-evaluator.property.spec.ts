import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { RateOfRiseRule } from '../rule-set';
import { byMinute, pointsInTwoOrders, type LevelPoint } from './level/__fixtures__/arrival-orders';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { RateOfRiseEvaluator, RISE_WINDOW_COVERAGE } from './rate-of-rise-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule: RateOfRiseRule = {
  id: 'ror-wenxi',
  kind: 'rate_of_rise',
  stationId: station.id,
  windowMs: 60 * MIN,
  rise: 0.5,
  severity: 'orange',
  clearingDelayMs: 0,
  staleAfterMs: 60 * MIN,
};
const edges = [3.0, 3.2, 3.5, 3.7];

function fed(points: readonly LevelPoint[]): RateOfRiseEvaluator {
  const evaluator = new RateOfRiseEvaluator(rule, station);
  for (const { minute, value } of points) evaluator.accept(levelReading(station.id, T0 + minute * MIN, value));
  return evaluator;
}

/** The rule read straight off the points, with no window bookkeeping. */
function expectedVerdict(points: readonly LevelPoint[]): string {
  const newest = points.reduce((a, b) => (b.minute > a.minute ? b : a));
  const inWindow = points.filter((p) => p.minute >= newest.minute - 60);
  const oldest = Math.min(...inWindow.map((p) => p.minute));
  if (newest.minute - oldest < 60 * RISE_WINDOW_COVERAGE) return 'none';
  return newest.value - Math.min(...inWindow.map((p) => p.value)) >= 0.5 - 1e-9 ? 'breach' : 'normal';
}

describe('RateOfRiseEvaluator, whatever the arrival order', () => {
  it('ends in the verdict read straight off the readings, the same as in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(4 * 60, edges, [2.5, 4]), ([points, arrival]) => {
        const verdict = fed(arrival).current();
        expect(verdict).toEqual(fed(byMinute(points)).current());
        expect(verdict?.type ?? 'none').toBe(expectedVerdict(points));
      }),
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(4 * 60, edges, [2.5, 4]), ([points, again]) => {
        const evaluator = fed(points);
        const before = evaluator.current();
        const repeats = again.map(({ minute, value }) => evaluator.accept(levelReading(station.id, T0 + minute * MIN, value)));
        expect(repeats.every((outcome) => outcome === undefined)).toBe(true);
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
