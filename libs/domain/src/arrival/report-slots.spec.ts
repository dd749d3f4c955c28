import { describe, expect, it } from '@jest/globals';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/durations';
import { expectedReports, reportSlots } from './report-slots';

const beijing = (text: string): number => Date.parse(`${text}+08:00`);
const DAY = { from: beijing('2023-09-21T08:00:00'), to: beijing('2023-09-22T08:00:00') };

describe('reportSlots', () => {
  it.each([
    ['a 5-minute station over a hydrological day', 5, DAY.from, DAY.to, 288],
    ['an hourly station over a hydrological day', 60, DAY.from, DAY.to, 24],
    ['a 5-minute station from one ms before 08:00', 5, DAY.from - 1, DAY.from + 5 * MINUTE_MS, 1],
    ['a 5-minute station from one ms after 08:00', 5, DAY.from + 1, DAY.from + 5 * MINUTE_MS, 0],
    ['a 5-minute station to one ms after 08:05', 5, DAY.from, DAY.from + 5 * MINUTE_MS + 1, 2],
    ['an hourly station from 08:01 to 10:00', 60, DAY.from + MINUTE_MS, DAY.from + 2 * HOUR_MS, 1],
    ['an empty range', 5, DAY.from, DAY.from, 0],
    ['a reversed range', 5, DAY.to, DAY.from, 0],
  ])('counts %s', (_case, interval, from, to, slots) => {
    expect(reportSlots({ from, to }, interval)).toBe(slots);
  });

  it('adds up over consecutive ranges to the slots of their union', () => {
    const cut = DAY.from + 7 * HOUR_MS + 3 * MINUTE_MS;
    expect(reportSlots({ from: DAY.from, to: cut }, 5) + reportSlots({ from: cut, to: DAY.to }, 5)).toBe(288);
    expect(reportSlots({ from: DAY.from, to: DAY.from + 31 * DAY_MS }, 5)).toBe(31 * 288);
  });

  it('refuses a station without a positive interval', () => {
    expect(() => reportSlots(DAY, 0)).toThrow(RangeError);
  });
});

describe('expectedReports', () => {
  it.each([
    ['a two-hour window', [{ from: beijing('2023-09-21T10:00:00'), to: beijing('2023-09-21T12:00:00') }], 288 - 24],
    ['a window ending one ms after a slot', [{ from: beijing('2023-09-21T10:00:00'), to: beijing('2023-09-21T10:05:00') + 1 }], 288 - 2],
    ['two windows', [{ from: DAY.from, to: DAY.from + HOUR_MS }, { from: DAY.to - HOUR_MS, to: DAY.to }], 288 - 24],
    ['the whole day', [DAY], 0],
  ])('leaves out the slots of %s', (_case, maintenance, expected) => {
    expect(expectedReports(DAY, 5, maintenance)).toBe(expected);
  });
});
