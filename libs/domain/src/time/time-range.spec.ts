import { describe, expect, it } from '@jest/globals';
import { clipRange, clipRanges, intersectRanges, mergeRanges, rangeContains, rangesOverlap } from './time-range';

const r = (from: number, to: number) => ({ from, to });

describe('time ranges', () => {
  it.each([
    [9, false],
    [10, true],
    [19, true],
    [20, false],
  ])('treats [10, 20) as containing %d: %s', (at, inside) => {
    expect(rangeContains(r(10, 20), at)).toBe(inside);
  });

  it.each([
    [r(0, 10), r(10, 20), false],
    [r(0, 11), r(10, 20), true],
    [r(0, 30), r(10, 20), true],
    [r(15, 15), r(10, 20), false],
  ])('overlap of %j and %j is %s', (a, b, expected) => {
    expect(rangesOverlap(a, b)).toBe(expected);
    expect(rangesOverlap(b, a)).toBe(expected);
  });

  it('merges overlapping and touching ranges and drops empty ones', () => {
    expect(mergeRanges([r(30, 40), r(0, 10), r(10, 15), r(12, 20), r(25, 25)])).toEqual([r(0, 20), r(30, 40)]);
  });

  it('clips to a window, leaving nothing when outside', () => {
    expect(clipRange(r(0, 10), r(5, 20))).toEqual(r(5, 10));
    expect(clipRange(r(0, 5), r(5, 20))).toBeUndefined();
    expect(clipRanges([r(0, 10), r(8, 12), r(30, 40)], r(5, 35))).toEqual([r(5, 12), r(30, 35)]);
  });

  it('intersects two sets of ranges', () => {
    expect(intersectRanges([r(0, 10), r(20, 30)], [r(5, 25), r(28, 40)])).toEqual([r(5, 10), r(20, 25), r(28, 30)]);
    expect(intersectRanges([r(0, 10)], [r(10, 20)])).toEqual([]);
  });
});
