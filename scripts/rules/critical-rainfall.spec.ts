import { describe, expect, it } from '@jest/globals';
import { criticalRainfall } from './critical-rainfall';

const RANGES: Record<number, [number, number]> = { 1: [35, 80], 3: [55, 120], 6: [70, 150], 12: [85, 175], 24: [100, 200] };

describe('criticalRainfall', () => {
  it.each([
    { resilience: 0, gap: 0.25 },
    { resilience: 0, gap: 0.4 },
    { resilience: 1, gap: 0.25 },
    { resilience: 1, gap: 0.4 },
  ])('stays inside the county example ranges at the extremes (resilience $resilience, gap $gap)', ({ resilience, gap }) => {
    const table = criticalRainfall({ resilience, gap, withTwelveHours: true });

    for (const { windowHours, prepare, evacuate } of table) {
      const [low, high] = RANGES[windowHours]!;
      expect(prepare).toBeGreaterThanOrEqual(low);
      expect(evacuate).toBeLessThanOrEqual(high);
      expect(evacuate).toBeGreaterThan(prepare);
    }
  });

  it('puts the most vulnerable area at 10 % and the least at 50 % up the 1 h range', () => {
    const [most] = criticalRainfall({ resilience: 0, gap: 0.3, withTwelveHours: false });
    const [least] = criticalRainfall({ resilience: 1, gap: 0.3, withTwelveHours: false });

    expect(most).toEqual({ windowHours: 1, prepare: 40, evacuate: 53 });
    expect(least).toEqual({ windowHours: 1, prepare: 58, evacuate: 71 });
  });

  it('gives the 12 h window only when asked, and never less rain for a longer window', () => {
    const without = criticalRainfall({ resilience: 0.5, gap: 0.3, withTwelveHours: false });
    const withTwelve = criticalRainfall({ resilience: 0.5, gap: 0.3, withTwelveHours: true });

    expect(without.map((t) => t.windowHours)).toEqual([1, 3, 6, 24]);
    expect(withTwelve.map((t) => t.windowHours)).toEqual([1, 3, 6, 12, 24]);
    for (let i = 1; i < withTwelve.length; i++) {
      expect(withTwelve[i]!.prepare).toBeGreaterThanOrEqual(withTwelve[i - 1]!.prepare);
      expect(withTwelve[i]!.evacuate).toBeGreaterThanOrEqual(withTwelve[i - 1]!.evacuate);
    }
  });
});
