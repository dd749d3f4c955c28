import { describe, expect, it } from '@jest/globals';
import { RunningLinearFit } from './running-linear-fit';
import { TimeWindowSeries } from './time-window-series';

const HOUR = 3_600_000;
const T0 = Date.parse('2024-06-01T00:00:00Z');

function fitted(windowHours: number, points: [hours: number, value: number][], rebaseAfterMs = windowHours * HOUR): RunningLinearFit {
  const fit = new RunningLinearFit(rebaseAfterMs);
  const series = new TimeWindowSeries(windowHours * HOUR, 10_000, fit);
  for (const [h, v] of points) series.add(T0 + h * HOUR, v);
  return fit;
}

describe('RunningLinearFit', () => {
  it('gives the slope of a straight line in units per hour', () => {
    const line = Array.from({ length: 25 }, (_, h): [number, number] => [h, 12.5 - 0.0625 * h]);
    expect(fitted(24, line).slopePerHour()).toBe(-0.0625);
  });

  it('fits through noise: a rising zig-zag around a line', () => {
    const points = Array.from({ length: 24 }, (_, h): [number, number] => [h, 12 + 0.01 * h + (h % 2 === 0 ? 0.05 : -0.05)]);
    // The zig-zag alone fits a slope of Σ h·e / Σ (h − 11.5)² = 0.05 × (132 − 144) / 1150.
    expect(fitted(48, points).slopePerHour()).toBeCloseTo(0.01 + (0.05 * (132 - 144)) / 1150, 10);
  });

  it('forgets the points that leave the window', () => {
    // Six hours of a steep fall, then a gentle one: a 24 h window ends up seeing only the gentle one.
    const steep = Array.from({ length: 7 }, (_, h): [number, number] => [h - 40, 14 - h]);
    const gentle = Array.from({ length: 25 }, (_, h): [number, number] => [h, 12.5 - 0.0625 * h]);
    const fit = fitted(24, [...steep, ...gentle]);
    expect([fit.count, fit.slopePerHour()]).toEqual([25, -0.0625]);
  });

  it('keeps the slope when its origin moves on, over days of points', () => {
    const days = Array.from({ length: 24 * 10 + 1 }, (_, h): [number, number] => [h, 13 - 0.0078125 * h]);
    const fit = fitted(24, days, 6 * HOUR);
    expect(fit.slopePerHour()).toBeCloseTo(-0.0078125, 12);
  });

  it('takes late points into the fit', () => {
    expect(fitted(24, [[0, 12], [2, 12], [1, 13]]).slopePerHour()).toBe(0);
    expect(fitted(24, [[0, 12], [2, 14], [1, 13]]).slopePerHour()).toBe(1);
  });

  it('has no slope with fewer than two points or a single time', () => {
    expect(fitted(24, [[0, 12]]).slopePerHour()).toBeUndefined();
    expect(fitted(24, []).slopePerHour()).toBeUndefined();
  });

  it('is zero for a flat series', () => {
    expect(fitted(24, [[0, 12], [1, 12], [2, 12]]).slopePerHour()).toBe(0);
  });
});
