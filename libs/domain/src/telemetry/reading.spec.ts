import { describe, expect, it } from '@jest/globals';
import { isOnSchedule } from './reading';

const MINUTE = 60_000;
const T0 = Date.UTC(2023, 8, 21, 0, 0, 0); // 08:00 Beijing time

describe('isOnSchedule', () => {
  it.each<[string, number, number, boolean]>([
    ['exactly on a 5-minute mark', T0 + 35 * MINUTE, 5, true],
    ['one ms after a 5-minute mark', T0 + 35 * MINUTE + 1, 5, false],
    ['one ms before a 5-minute mark', T0 + 35 * MINUTE - 1, 5, false],
    ['on the hour for an hourly station', T0 + 60 * MINUTE, 60, true],
    ['on a 5-minute mark for an hourly station', T0 + 35 * MINUTE, 60, false],
    ['a 5-minute mark before 1970', -5 * MINUTE, 5, true],
    ['a time between marks before 1970', -5 * MINUTE - 1, 5, false],
    ['any time for a station with a zero interval', T0, 0, false],
    ['any time for a station with a negative interval', T0, -5, false],
    ['a time that is not whole ms', T0 + 0.5, 5, false],
  ])('%s → %s', (_title, observedAt, interval, expected) => {
    expect(isOnSchedule(observedAt, interval)).toBe(expected);
  });

  it('aligns to the epoch, not to the first report of the station', () => {
    const marks = Array.from({ length: 13 }, (_, i) => T0 + 2 * MINUTE + i * 5 * MINUTE);
    expect(marks.filter((t) => isOnSchedule(t, 5))).toEqual([]);
  });
});
