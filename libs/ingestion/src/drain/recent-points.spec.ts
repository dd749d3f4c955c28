import type { Reading } from '@hydro/domain';
import { RecentPoints } from './recent-points';

const T0 = Date.parse('2023-09-21T02:00:00Z');
const reading = (overrides: Partial<Reading> = {}): Reading => ({
  stationId: '70100001',
  element: 'water_level',
  observedAt: T0,
  value: 3.42,
  quality: 'good',
  ...overrides,
});

describe('RecentPoints', () => {
  it('passes readings it has not seen as fresh, with no duplicates or corrections', () => {
    const recent = new RecentPoints(100);
    const readings = [reading(), reading({ element: 'rainfall', value: 0.5 }), reading({ observedAt: T0 + 300_000 }), reading({ stationId: '70100002' })];
    expect(recent.sort(readings)).toEqual({ fresh: readings, duplicates: 0, corrections: [] });
  });

  it('skips exact copies of what was written and counts them as duplicates', () => {
    const recent = new RecentPoints(100);
    recent.remember([reading(), reading({ element: 'rainfall', value: 0.5 })]);
    expect(recent.sort([reading(), reading({ element: 'rainfall', value: 0.5 })])).toEqual({ fresh: [], duplicates: 2, corrections: [] });
  });

  it('writes a changed value as a correction', () => {
    const recent = new RecentPoints(100);
    recent.remember([reading({ value: 3.42 })]);
    const corrected = reading({ value: 3.5 });
    expect(recent.sort([corrected])).toEqual({ fresh: [corrected], duplicates: 0, corrections: [corrected] });
  });

  it('treats a change of quality alone as a correction', () => {
    const recent = new RecentPoints(100);
    recent.remember([reading({ value: 14.2, quality: 'suspect', qualityNote: 'above hard limit' })]);
    const regraded = reading({ value: 14.2, quality: 'good' });
    expect(recent.sort([regraded]).corrections).toEqual([regraded]);
  });

  it('writes a reading and its copy from the other channel in one batch once', () => {
    const recent = new RecentPoints(100);
    const cellular = reading();
    const beidou = reading();
    const sorted = recent.sort([cellular, beidou]);
    expect(sorted.fresh).toHaveLength(1);
    expect(sorted.duplicates).toBe(1);
    expect(sorted.corrections).toEqual([]);
  });

  it('lets the last copy in a batch win', () => {
    const recent = new RecentPoints(100);
    const sorted = recent.sort([reading({ value: 1 }), reading({ element: 'rainfall' }), reading({ value: 2 })]);
    expect(sorted.fresh).toEqual([reading({ value: 2 }), reading({ element: 'rainfall' })]);
    expect(sorted.duplicates).toBe(1);
  });

  it('skips a batch whose last copy equals what was written, though an earlier copy differs', () => {
    const recent = new RecentPoints(100);
    recent.remember([reading({ value: 2 })]);
    expect(recent.sort([reading({ value: 1 }), reading({ value: 2 })])).toEqual({ fresh: [], duplicates: 2, corrections: [] });
  });

  it('remembers nothing until told the write was confirmed, so a failed write is retried in full', () => {
    const recent = new RecentPoints(100);
    const readings = [reading(), reading({ element: 'rainfall' })];
    recent.sort(readings);
    expect(recent.sort(readings).fresh).toEqual(readings);
    expect(recent.previous(reading())).toBeUndefined();
  });

  it('rewrites a forgotten point as fresh, not as a correction', () => {
    const recent = new RecentPoints(2);
    const first = reading({ observedAt: T0 });
    recent.remember([first, reading({ observedAt: T0 + 300_000 }), reading({ observedAt: T0 + 600_000 })]);
    expect(recent.previous(first)).toBeUndefined();
    expect(recent.sort([first])).toEqual({ fresh: [first], duplicates: 0, corrections: [] });
  });

  it('compares with the last value written for a point, and with nothing for another station, element or time', () => {
    const recent = new RecentPoints(100);
    recent.remember([reading({ value: 3.42 })]);
    recent.remember([reading({ value: 3.5 })]);
    expect(recent.sort([reading({ value: 3.5 })]).duplicates).toBe(1);
    expect(recent.sort([reading({ value: 3.42 })]).corrections).toEqual([reading({ value: 3.42 })]);
    expect(recent.previous(reading({ stationId: '70100002' }))).toBeUndefined();
    expect(recent.previous(reading({ element: 'flow' }))).toBeUndefined();
    expect(recent.previous(reading({ observedAt: T0 + 1 }))).toBeUndefined();
  });
});
