import { describe, expect, it } from '@jest/globals';
import { median, percentile, summariseLatencies } from './latency-stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i);

  it.each([
    [0.5, 50],
    [0.99, 99],
    [0.991, 100],
    [1, 100],
    [0.01, 1],
    [0, 1],
  ])('takes the nearest rank: p=%s of 1..100 (unsorted) is %s', (p, expected) => {
    expect(percentile(hundred, p)).toBe(expected);
  });

  it('is NaN for no values, never a made-up zero', () => {
    expect(percentile([], 0.5)).toBeNaN();
  });

  it('leaves its input in the order given', () => {
    const values = [3, 1, 2];
    percentile(values, 0.5);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it.each([
    [[7], 7],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2],
  ])('of %j is %s (lower middle for an even count)', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('summariseLatencies', () => {
  it('reports count, p50, p99 and max of the same values', () => {
    const values = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(summariseLatencies(values)).toEqual({ count: 200, p50: 100, p99: 198, max: 200 });
  });
});
