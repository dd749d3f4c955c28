import { describe, expect, it } from '@jest/globals';
import { formatBeijing, formatBeijingIso, isWritableTime } from './beijing-time';

describe('Beijing time formatting', () => {
  it.each([
    ['2023-09-21T00:00:00Z', '2023-09-21 08:00', '2023-09-21T08:00:00+08:00'],
    ['2023-09-20T23:59:59.999Z', '2023-09-21 07:59', '2023-09-21T07:59:59.999+08:00'],
    ['2023-09-21T16:05:30Z', '2023-09-22 00:05', '2023-09-22T00:05:30+08:00'],
  ])('writes %s as %s and %s', (utc, short, iso) => {
    const at = Date.parse(utc);
    expect(formatBeijing(at)).toBe(short);
    expect(formatBeijingIso(at)).toBe(iso);
    expect(Date.parse(formatBeijingIso(at))).toBe(at);
  });

  it('refuses what is not a time', () => {
    expect(() => formatBeijing(Number.NaN)).toThrow(RangeError);
  });

  it('tells which instants it can write: the last is 8 h before the end of Date', () => {
    const last = 8.64e15 - 8 * 3_600_000;
    expect(isWritableTime(last)).toBe(true);
    expect(() => formatBeijing(last)).not.toThrow();
    expect(isWritableTime(last + 1)).toBe(false);
    expect(() => formatBeijing(last + 1)).toThrow(RangeError);
    expect(isWritableTime(Number.NaN)).toBe(false);
  });
});
