import { describe, expect, it } from '@jest/globals';
import { DAY_MS, HOUR_MS } from '../time/durations';
import { reportBuckets } from './report-buckets';

const beijing = (text: string): number => Date.parse(`${text}+08:00`);

describe('reportBuckets', () => {
  it('cuts a range into hydrological days at 08:00 Beijing time, clipping the partial ends', () => {
    const range = { from: beijing('2023-09-21T07:55:00'), to: beijing('2023-09-22T09:00:00') };
    expect(reportBuckets(range, DAY_MS)).toEqual([
      { time: beijing('2023-09-20T08:00:00'), from: range.from, to: beijing('2023-09-21T08:00:00'), day: '2023-09-20' },
      { time: beijing('2023-09-21T08:00:00'), from: beijing('2023-09-21T08:00:00'), to: beijing('2023-09-22T08:00:00'), day: '2023-09-21' },
      { time: beijing('2023-09-22T08:00:00'), from: beijing('2023-09-22T08:00:00'), to: range.to, day: '2023-09-22' },
    ]);
  });

  it('gives hourly buckets no day label', () => {
    const buckets = reportBuckets({ from: beijing('2023-09-21T08:00:00'), to: beijing('2023-09-21T10:00:00') }, HOUR_MS);
    expect(buckets.map((b) => [b.from, b.day])).toEqual([
      [beijing('2023-09-21T08:00:00'), undefined],
      [beijing('2023-09-21T09:00:00'), undefined],
    ]);
  });

  it('makes one bucket of the whole range', () => {
    const range = { from: beijing('2023-09-01T08:00:00'), to: beijing('2023-10-01T08:00:00') };
    expect(reportBuckets(range, 'range')).toEqual([{ time: range.from, ...range }]);
  });

  it.each([0, -DAY_MS, 1.5])('refuses a bucket width of %d ms', (every) => {
    expect(() => reportBuckets({ from: 0, to: DAY_MS }, every)).toThrow(RangeError);
  });
});
