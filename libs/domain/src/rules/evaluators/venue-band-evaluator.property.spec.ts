import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { VenueBandRule } from '../rule-set';
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

function fed(arrival: readonly GaugePoint[]): VenueBandEvaluator {
  const evaluator = new VenueBandEvaluator(rule, { district: 'ouhai', basin: 'wenrui' });
  for (const { stationId, minute, value } of arrival) evaluator.accept(levelReading(stationId, T0 + minute * MIN, value));
  return evaluator;
}

const inObservationOrder = (set: readonly GaugePoint[]) => [...set].sort((a, b) => a.minute - b.minute || a.stationId.localeCompare(b.stationId));

describe('VenueBandEvaluator, whatever the arrival order', () => {
  it('ends in the same verdict as readings fed in observation-time order', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([set, arrival]) => {
        expect(fed(arrival).current()).toEqual(fed(inObservationOrder(set)).current());
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when readings are fed again', () => {
    fc.assert(
      fc.property(pointsInTwoOrders, ([set, again]) => {
        const evaluator = fed(set);
        const before = evaluator.current();
        const repeats = again.map(({ stationId, minute, value }) => evaluator.accept(levelReading(stationId, T0 + minute * MIN, value)));
        expect(repeats.every((outcome) => outcome === undefined)).toBe(true);
        expect(evaluator.current()).toEqual(before);
      }),
    );
  });
});
