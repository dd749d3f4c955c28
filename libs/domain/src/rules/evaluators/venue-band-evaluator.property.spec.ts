import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import type { VenueBandRule } from '../rule-set';
import { acceptEach, lastVerdictByTime, timesOf } from './__fixtures__/verdict-path';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { VenueBandEvaluator } from './venue-band-evaluator';

const MIN = 60_000;
const rule: VenueBandRule = {
  id: 'venue-dragon-boat',
  kind: 'venue_band',
  venueId: 'wz-dragon-boat',
  name: '温州龙舟运动中心',
  stationIds: ['P1', 'P2', 'P3'],
  min: 2.5,
  max: 3.5,
  margin: 0.125,
  horizonMs: 60 * MIN,
  trendWindowMs: 30 * MIN,
  severities: { approaching: 'blue', outside: 'orange' },
  // Two sessions inside the span, so that some readings fall outside them and one run starts afresh.
  schedule: [
    { from: T0 + 60 * MIN, to: T0 + 180 * MIN, label: '训练 Training' },
    { from: T0 + 200 * MIN, to: T0 + 300 * MIN, label: '龙舟竞速 Dragon boat races' },
  ],
  minDurationMs: 15 * MIN,
  clearingDelayMs: 0,
  staleAfterMs: 20 * MIN,
};

interface GaugePoint {
  readonly stationId: string;
  readonly minute: number;
  readonly value: number;
}

const value = fc.oneof(fc.constantFrom(2.4, 2.5, 2.625, 3.0, 3.375, 3.4, 3.5, 3.6), fc.double({ min: 2.2, max: 3.8, noNaN: true }));
const points = fc.uniqueArray(fc.record({ stationId: fc.constantFrom(...rule.stationIds), minute: fc.integer({ min: 40, max: 320 }), value }), {
  selector: (point) => `${point.stationId}@${point.minute}`,
  minLength: 1,
  maxLength: 80,
});
const pointsInTwoOrders = points.chain((set) => fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })));

const readingsOf = (points: readonly GaugePoint[]) => points.map(({ stationId, minute, value }) => levelReading(stationId, T0 + minute * MIN, value));

/** An evaluator fed the points in the order given, with what each one brought back. */
function fed(arrival: readonly GaugePoint[]): { evaluator: VenueBandEvaluator; outcomes: (readonly AlertOutcome[])[] } {
  const evaluator = new VenueBandEvaluator(rule, { district: 'ouhai', basin: 'wenrui' });
  return { evaluator, outcomes: acceptEach(evaluator, readingsOf(arrival)) };
}

const inObservationOrder = (set: readonly GaugePoint[]) => [...set].sort((a, b) => a.minute - b.minute || a.stationId.localeCompare(b.stationId));

describe('VenueBandEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as readings fed in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([set, arrival]) => {
        expect(fed(arrival).evaluator.current()).toEqual(fed(inObservationOrder(set)).evaluator.current());
      }),
      { numRuns: 300 },
    );
  });

  it('gives, at every observation time, last the verdict observation-time order gives there', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([set, arrival]) => {
        const ordered = inObservationOrder(set);
        const inOrder = fed(ordered);
        // In order, each reading brings the verdict at its own time inside a session, and nothing outside.
        const inSession = (minute: number) => rule.schedule.some((window) => T0 + minute * MIN >= window.from && T0 + minute * MIN < window.to);
        expect(inOrder.outcomes.map(timesOf)).toEqual(ordered.map(({ minute }) => (inSession(minute) ? [T0 + minute * MIN] : [])));
        expect(lastVerdictByTime(fed(arrival).outcomes.flat())).toEqual(lastVerdictByTime(inOrder.outcomes.flat()));
      }),
      { numRuns: 300 },
    );
  });

  it('judges, for a reading, its own time and every later time of any gauge inside a session, oldest first', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([, arrival]) => {
        const readings = readingsOf(arrival);
        fed(arrival).outcomes.forEach((outcomes, k) => {
          const at = readings[k]!.observedAt;
          const held = new Set(readings.slice(0, k + 1).map((reading) => reading.observedAt));
          const judged = [...held].filter((t) => t >= at && rule.schedule.some((window) => t >= window.from && t < window.to)).sort((a, b) => a - b);
          expect(timesOf(outcomes)).toEqual(judged);
        });
      }),
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([set, again]) => {
        const { evaluator } = fed(set);
        const before = evaluator.current();
        expect(acceptEach(evaluator, readingsOf(again))).toEqual(again.map(() => []));
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
