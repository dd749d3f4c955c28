import { describe, expect, it } from '@jest/globals';
import { TimeWindowSeries } from './time-window-series';

function contents(series: TimeWindowSeries): [number, number][] {
  return Array.from({ length: series.size }, (_, i) => [series.timeAt(i), series.valueAt(i)]);
}

function filled(windowMs: number, maxPoints: number, points: [number, number][]): TimeWindowSeries {
  const series = new TimeWindowSeries(windowMs, maxPoints, undefined, 2);
  for (const [t, v] of points) series.add(t, v);
  return series;
}

describe('TimeWindowSeries', () => {
  it('keeps points in time order as they are appended', () => {
    expect(contents(filled(100, 50, [[10, 1], [20, 2], [30, 3]]))).toEqual([[10, 1], [20, 2], [30, 3]]);
  });

  it.each([
    // [newest time, whether the point at 0 is still held]
    [100, true],
    [101, false],
  ])('with a 100 ms window and a newest point at %d, keeps the point at 0: %s', (newest, kept) => {
    const series = filled(100, 50, [[0, 1], [newest, 2]]);
    expect(series.timeAt(0) === 0).toBe(kept);
  });

  it('ignores a point at a time already held (a copy over the other channel)', () => {
    const series = filled(100, 50, [[10, 1], [20, 2]]);
    expect(series.add(20, 9)).toBe(false);
    expect(series.add(10, 9)).toBe(false);
    expect(contents(series)).toEqual([[10, 1], [20, 2]]);
  });

  it('puts a late point in its place', () => {
    const series = filled(100, 50, [[10, 1], [30, 3], [40, 4]]);
    expect(series.add(20, 2)).toBe(true);
    expect(series.add(5, 0)).toBe(true);
    expect(contents(series)).toEqual([[5, 0], [10, 1], [20, 2], [30, 3], [40, 4]]);
  });

  it.each([
    [-60, true],
    [-61, false],
  ])('accepts a late point at %d only inside the window of the newest (40, 100 ms): %s', (time, accepted) => {
    const series = filled(100, 50, [[40, 4]]);
    expect(series.add(time, 0)).toBe(accepted);
    expect(series.size).toBe(accepted ? 2 : 1);
  });

  it('drops the oldest point beyond maxPoints, even inside the window', () => {
    const series = filled(1_000, 3, [[1, 1], [2, 2], [3, 3], [4, 4]]);
    expect(contents(series)).toEqual([[2, 2], [3, 3], [4, 4]]);
  });

  it('when full, makes room for a late point by dropping the oldest, but refuses one older than all', () => {
    const series = filled(1_000, 3, [[10, 1], [20, 2], [30, 3]]);
    expect(series.add(25, 9)).toBe(true);
    expect(contents(series)).toEqual([[20, 2], [25, 9], [30, 3]]);
    expect(series.add(15, 9)).toBe(false);
    expect(contents(series)).toEqual([[20, 2], [25, 9], [30, 3]]);
  });

  it('stays correct when the ring wraps around and grows', () => {
    const series = new TimeWindowSeries(50, 1_000, undefined, 2);
    for (let t = 0; t <= 200; t += 10) series.add(t, t / 10);
    series.add(175, 99);
    expect(contents(series)).toEqual([[150, 15], [160, 16], [170, 17], [175, 99], [180, 18], [190, 19], [200, 20]]);
  });

  it('gives the range of the points at or after a time, or nothing when there are none', () => {
    const series = filled(1_000, 50, [[10, 5], [20, 1], [30, 7], [40, 3]]);
    expect(series.rangeSince(20)).toEqual({ min: 1, max: 7, count: 3 });
    expect(series.rangeSince(21)).toEqual({ min: 3, max: 7, count: 2 });
    expect(series.rangeSince(41)).toBeUndefined();
  });

  it('has no newest time when empty', () => {
    expect(new TimeWindowSeries(10, 10).newestTime()).toBeUndefined();
    expect(filled(10, 10, [[3, 1]]).newestTime()).toBe(3);
  });
});
