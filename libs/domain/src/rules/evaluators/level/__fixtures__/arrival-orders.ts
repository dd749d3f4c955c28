import fc from 'fast-check';

/** A point of a gauge's record: minutes after the start, and a level in metres. */
export interface LevelPoint {
  readonly minute: number;
  readonly value: number;
}

/**
 * Points at distinct minutes within `spanMinutes`, with values drawn from `values` (levels at and
 * around the rule's edges, so that edges are hit) or anywhere in [low, high]; and the same points
 * in a second, shuffled arrival order.
 */
export function pointsInTwoOrders(
  spanMinutes: number,
  values: readonly number[],
  [low, high]: readonly [number, number],
): fc.Arbitrary<readonly [readonly LevelPoint[], readonly LevelPoint[]]> {
  const value = fc.oneof(fc.constantFrom(...values), fc.double({ min: low, max: high, noNaN: true }));
  const points = fc.uniqueArray(fc.record({ minute: fc.integer({ min: 0, max: spanMinutes }), value }), {
    selector: (point) => point.minute,
    minLength: 1,
    maxLength: 60,
  });
  return points.chain((set) => fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })));
}

export function byMinute(points: readonly LevelPoint[]): LevelPoint[] {
  return [...points].sort((a, b) => a.minute - b.minute);
}
