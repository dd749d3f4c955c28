import { describe, expect, it } from '@jest/globals';
import { median } from './timing';

describe('median', () => {
  it.each([
    [[5], 5],
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 3],
    [[10, 10, 1], 10],
  ])('of %j is %p (the upper one for an even count)', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('of nothing is NaN', () => {
    expect(median([])).toBeNaN();
  });
});
