import { describe, expect, it } from '@jest/globals';
import { allocateWithin } from './allocate';

describe('allocateWithin', () => {
  it('splits the total exactly, in proportion to the weights', () => {
    expect(allocateWithin(10, [1, 1, 2], 0, 10)).toEqual([3, 2, 5]);
  });

  it('keeps every part inside its bounds and shares what the capped parts could not take', () => {
    const parts = allocateWithin(30, [100, 1, 1], 1, 12);

    expect(parts).toEqual([12, 9, 9]);
  });

  it.each([
    { total: 3, parts: 3, least: 1, most: 5 },
    { total: 15, parts: 3, least: 1, most: 5 },
  ])('splits $total into $parts parts of $least to $most at the edge of what fits', ({ total, parts, least, most }) => {
    const split = allocateWithin(total, new Array<number>(parts).fill(1), least, most);

    expect(split).toEqual(new Array<number>(parts).fill(total / parts));
  });

  it.each([
    { total: 2, parts: 3, least: 1, most: 5 },
    { total: 16, parts: 3, least: 1, most: 5 },
  ])('refuses to split $total into $parts parts of $least to $most', ({ total, parts, least, most }) => {
    expect(() => allocateWithin(total, new Array<number>(parts).fill(1), least, most)).toThrow(RangeError);
  });
});
