import { describe, expect, it } from '@jest/globals';
import { millimetresOf, rainDepthMicrometres } from './rain-depth';

describe('rain depths in whole micrometres', () => {
  it.each([
    ['a 0.1 mm tip', 0.1, 100],
    ['a 0.5 mm tip', 0.5, 500],
    ['a depth whose product in floating point falls just short', 2.01, 2010],
    ['a depth whose product in floating point runs just over', 4.03, 4030],
    ['a critical rainfall', 35, 35_000],
    ['no rain', 0, 0],
  ])('counts %s exactly', (_case, millimetres, micrometres) => {
    expect(rainDepthMicrometres(millimetres)).toBe(micrometres);
    expect(millimetresOf(rainDepthMicrometres(millimetres))).toBe(millimetres);
  });

  it.each([-0.1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p mm', (millimetres) => {
    expect(() => rainDepthMicrometres(millimetres)).toThrow(RangeError);
  });
});
