import { describe, expect, it } from '@jest/globals';
import { GaugeTrack } from './gauge-track';

const H = 3_600_000;

function trends(track: GaugeTrack, times: readonly number[]): (number | undefined)[] {
  return times.map((at) => track.trendAt(track.indexAtOrBefore(at)));
}

describe('GaugeTrack', () => {
  it.each([
    ['fits a reading exactly the trend window back', 2 * H, 0.5],
    ['leaves out a reading 1 ms further back', 2 * H - 1, 1],
  ] as const)('%s', (_case, trendWindowMs, trend) => {
    const track = new GaugeTrack(trendWindowMs, 10 * H);
    track.add(0, 1);
    track.add(H, 1);
    track.add(2 * H, 2);
    expect([track.trendAt(0), track.trendAt(2)]).toEqual([undefined, trend]);
  });

  it('gives a late reading its trend and fits again the readings whose window it falls in', () => {
    const inOrder = new GaugeTrack(H, 10 * H);
    const late = new GaugeTrack(H, 10 * H);
    const points = [[0, 1], [H / 2, 1.5], [H, 1.25], [2 * H, 3], [3 * H, 3.5]] as const;
    for (const [at, value] of points) inOrder.add(at, value);
    for (const [at, value] of [points[0], points[2], points[3], points[4], points[1]]) late.add(at, value);
    const times = points.map(([at]) => at);
    expect(trends(late, times)).toEqual(trends(inOrder, times));
  });

  it('finds the newest reading at or before a time', () => {
    const track = new GaugeTrack(H, 10 * H);
    track.add(100, 1);
    track.add(300, 3);
    expect([99, 100, 299, 300, 1_000].map((at) => track.indexAtOrBefore(at))).toEqual([-1, 0, 0, 1, 1]);
    expect([track.timeAt(1), track.valueAt(1), track.newestAt]).toEqual([300, 3, 300]);
  });

  it.each([
    ['refuses a copy at a time held', 100, false],
    ['refuses a reading 1 ms more than keepMs behind the newest', 99, false],
    ['places a late reading within keepMs', 101, true],
  ] as const)('%s', (_case, at, placed) => {
    const track = new GaugeTrack(H, 10 * H);
    track.add(100, 1);
    track.add(100 + 10 * H, 2);
    expect(track.add(at, 5)).toBe(placed);
    expect(track.indexAtOrBefore(101)).toBe(placed ? 1 : 0);
  });

  it('keeps working after many readings have been dropped', () => {
    const track = new GaugeTrack(H, 2 * H);
    for (let i = 0; i <= 1_000; i++) track.add(i * 60_000, i / 60);
    const newest = track.indexAtOrBefore(1_000 * 60_000);
    expect(track.trendAt(newest)).toBeCloseTo(1, 12);
    expect(track.indexAtOrBefore(1_000 * 60_000 - 2 * H - 1)).toBe(-1);
  });
});
