import { describe, expect, it } from '@jest/globals';
import { HOUR_MS } from '../../time/durations';
import { T0 } from '../rainfall/__fixtures__/rain-gauges';
import type { RainfallTotal } from '../rainfall/rainfall-window';
import type { RainfallThreshold } from '../rule-set';
import { comparedDepth, comparedGauges, judgeTorrentWindow, outranks, torrentLevelOf, type GaugeRainfallTotal } from './mountain-torrent-level';

const ONE_HOUR: RainfallThreshold = { windowHours: 1, prepare: 35, evacuate: 45 };

function gauge(gaugeId: string, millimetres: number, missingReports = 0): GaugeRainfallTotal {
  const micrometres = Math.round(millimetres * 1000);
  const total: RainfallTotal = { endsAt: T0, windowMs: HOUR_MS, millimetres: micrometres / 1000, micrometres, reports: 12, expectedReports: 12, missingReports };
  return { gaugeId, total };
}

describe('judgeTorrentWindow', () => {
  it.each([
    ['max: 0.1 mm short of 准备转移', 'max', [34.9, 10], undefined, 34.9, 'a'],
    ['max: exactly 准备转移', 'max', [35, 10], 'prepare', 35, 'a'],
    ['max: 0.1 mm short of 立即转移', 'max', [10, 44.9], 'prepare', 44.9, 'b'],
    ['max: exactly 立即转移', 'max', [10, 45], 'evacuate', 45, 'b'],
    ['max: a tie goes to the first gauge listed', 'max', [40, 40], 'prepare', 40, 'a'],
    ['mean: exactly 准备转移', 'mean', [40, 30], 'prepare', 35, null],
    ['mean: 0.05 mm short of 准备转移', 'mean', [40, 29.9], undefined, 34.95, null],
    ['mean: exactly 立即转移', 'mean', [60, 30], 'evacuate', 45, null],
    ['mean: a wet gauge alone does not decide', 'mean', [60, 0], undefined, 30, null],
  ] as const)('%s', (_case, aggregation, [a, b], level, rainfall, gaugeId) => {
    const verdict = judgeTorrentWindow(ONE_HOUR, aggregation, [gauge('a', a), gauge('b', b)]);
    expect(verdict).toMatchObject({ level, rainfall, gaugeId, threshold: ONE_HOUR });
  });

  it('reaches 准备转移 exactly on a mean where floating-point millimetres would fall short', () => {
    // (0.1 + 0.7) / 2 is 0.39999999999999997 in floating point.
    const verdict = judgeTorrentWindow({ windowHours: 1, prepare: 0.4, evacuate: 45 }, 'mean', [gauge('a', 0.1), gauge('b', 0.7)]);
    expect(verdict).toMatchObject({ level: 'prepare', rainfall: 0.4 });
  });

  it('names the gauges that missed timed reports in the window', () => {
    const verdict = judgeTorrentWindow(ONE_HOUR, 'max', [gauge('a', 50, 0), gauge('b', 0, 3), gauge('c', 1, 1)]);
    expect(verdict.silentGauges).toEqual(['b', 'c']);
  });

  it('refuses an area without gauges', () => {
    expect(() => judgeTorrentWindow(ONE_HOUR, 'max', [])).toThrow(RangeError);
  });
});

describe('torrentLevelOf', () => {
  it.each([
    ['1 µm short of 准备转移', 34_999, 1, undefined],
    ['exactly 准备转移', 35_000, 1, 'prepare'],
    ['1 µm short of 立即转移', 44_999, 1, 'prepare'],
    ['exactly 立即转移', 45_000, 1, 'evacuate'],
    ['a sum over three gauges exactly at three times 准备转移', 105_000, 3, 'prepare'],
    ['a sum over three gauges 1 µm short', 104_999, 3, undefined],
  ] as const)('%s', (_case, depth, gauges, level) => {
    expect(torrentLevelOf(depth, gauges, ONE_HOUR)).toBe(level);
  });
});

describe('comparing an area’s gauges', () => {
  it.each([
    ['max', [12_000, 40_000, 7_000], 40_000, 1],
    ['mean', [12_000, 40_000, 7_000], 59_000, 3],
  ] as const)('%s compares %p as %p over %p gauges', (aggregation, depths, depth, gauges) => {
    expect(comparedDepth(depths, aggregation)).toBe(depth);
    expect(comparedGauges(depths.length, aggregation)).toBe(gauges);
  });

  it.each([
    ['立即转移 over 准备转移', 'evacuate', 'prepare', true],
    ['准备转移 over nothing', 'prepare', undefined, true],
    ['a level over itself', 'prepare', 'prepare', false],
    ['准备转移 over 立即转移', 'prepare', 'evacuate', false],
    ['nothing over nothing', undefined, undefined, false],
  ] as const)('ranks %s', (_case, level, than, higher) => {
    expect(outranks(level, than)).toBe(higher);
  });
});
