import { describe, expect, it } from '@jest/globals';
import { levelTrendPerHour } from './level-trend';

const H = 3_600_000;

describe('levelTrendPerHour', () => {
  it.each([
    ['a steady rise', [0, H, 2 * H], [1, 1.25, 1.5], 0.25],
    ['a steady fall over half-hours', [0, H / 2, H], [3, 2.875, 2.75], -0.25],
    ['a level line', [0, H, 2 * H], [2, 2, 2], 0],
    ['the least-squares fit of scattered points', [0, H, 2 * H], [0, 0, 1], 0.5],
    ['two points', [0, 4 * H], [1, 3], 0.5],
  ] as const)('%s', (_case, times, values, slope) => {
    expect(levelTrendPerHour(times, values, 0, times.length - 1)).toBe(slope);
  });

  it('fits only the points between first and last', () => {
    expect(levelTrendPerHour([0, H, 2 * H, 3 * H], [9, 1, 2, -9], 1, 2)).toBe(1);
  });

  it('has no trend for a single point', () => {
    expect(levelTrendPerHour([0, H], [1, 2], 1, 1)).toBeUndefined();
  });
});
