import { describe, expect, it } from '@jest/globals';
import { atOrAbove, atOrBelow, toMillimetre } from './level-tolerance';

describe('level comparisons', () => {
  it.each([
    ['a decimal difference equal to a decimal limit', 4.2 - 4.1, 0.1, true],
    ['a level equal to itself', 4.2, 4.2, true],
    ['a millimetre short', 4.199, 4.2, false],
  ] as const)('atOrAbove: %s', (_case, value, limit, expected) => {
    expect(atOrAbove(value, limit)).toBe(expected);
  });

  it.each([
    ['a decimal sum equal to a decimal limit', 0.1 + 0.2, 0.3, true],
    ['a millimetre over', 3.501, 3.5, false],
  ] as const)('atOrBelow: %s', (_case, value, limit, expected) => {
    expect(atOrBelow(value, limit)).toBe(expected);
  });

  it.each([
    [0.30000000000000004, 0.3],
    [-0.0001, 0],
    [1.2345, 1.235],
  ] as const)('rounds %p m to %p m', (metres, rounded) => {
    expect(Object.is(toMillimetre(metres), rounded)).toBe(true);
  });
});
