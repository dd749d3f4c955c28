import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { RateOfRiseRule } from '../rule-set';
import { acceptEach, lastVerdictByTime, timesOf } from './__fixtures__/verdict-path';
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

const readingsOf = (points: readonly LevelPoint[]) => points.map(({ minute, value }) => levelReading(station.id, T0 + minute * MIN, value));

/** An evaluator fed the points in the order given, with what each one brought back. */
function fed(points: readonly LevelPoint[]): { evaluator: RateOfRiseEvaluator; outcomes: (readonly AlertOutcome[])[] } {
  const evaluator = new RateOfRiseEvaluator(rule, station);
  return { evaluator, outcomes: acceptEach(evaluator, readingsOf(points)) };
}

/** The rule read straight off the points at `point`'s time, with no window bookkeeping. */
function expectedVerdict(points: readonly LevelPoint[], point: LevelPoint = points.reduce((a, b) => (b.minute > a.minute ? b : a))): string {
  const inWindow = points.filter((p) => p.minute >= point.minute - 60 && p.minute <= point.minute);
  const oldest = Math.min(...inWindow.map((p) => p.minute));
  if (point.minute - oldest < 60 * RISE_WINDOW_COVERAGE) return 'none';
  return point.value - Math.min(...inWindow.map((p) => p.value)) >= 0.5 - 1e-9 ? 'breach' : 'normal';
}

describe('RateOfRiseEvaluator, whatever the arrival order', () => {
  it('ends in the verdict read straight off the readings, the same as in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(4 * 60, edges, [2.5, 4]), ([points, arrival]) => {
        const verdict = fed(arrival).evaluator.current();
        expect(verdict).toEqual(fed(byMinute(points)).evaluator.current());
        expect(verdict?.type ?? 'none').toBe(expectedVerdict(points));
      }),
    );
  });

  it('gives, at every observation time, last the verdict observation-time order gives there, read straight off the readings', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(4 * 60, edges, [2.5, 4]), ([points, arrival]) => {
        const inOrder = fed(byMinute(points));
        // In order, each reading brings the verdict at its own time, or none while the window is too thin.
        const ownTimes = byMinute(points).map((point) => [T0 + point.minute * MIN]);
        expect(inOrder.outcomes.map(timesOf)).toEqual(inOrder.outcomes.map((outcomes, k) => (outcomes.length === 0 ? [] : ownTimes[k])));
        const last = lastVerdictByTime(fed(arrival).outcomes.flat());
        expect(last).toEqual(lastVerdictByTime(inOrder.outcomes.flat()));
        const offThePoints = byMinute(points)
          .map((point) => [T0 + point.minute * MIN, expectedVerdict(points, point)] as const)
          .filter(([, verdict]) => verdict !== 'none');
        expect(last.map(([at, outcome]) => [at, outcome.type])).toEqual(offThePoints);
      }),
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders(4 * 60, edges, [2.5, 4]), ([points, again]) => {
        const { evaluator } = fed(points);
        const before = evaluator.current();
        expect(acceptEach(evaluator, readingsOf(again))).toEqual(again.map(() => []));
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
