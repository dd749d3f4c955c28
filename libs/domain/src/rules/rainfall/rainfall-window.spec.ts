import { describe, expect, it } from '@jest/globals';
import { hydrologicalDayOf } from '../../time/hydrological-day';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { T0 } from './__fixtures__/rain-gauges';
import { RainfallWindow } from './rainfall-window';

const fiveMinute = () => new RainfallWindow({ reportingIntervalMinutes: 5 });

describe('RainfallWindow', () => {
  describe('window edges: (t − w, t]', () => {
    const t = T0 + 30 * HOUR_MS;
    it.each([
      ['exactly w before t is out', 1 * HOUR_MS, -1 * HOUR_MS, 0],
      ['1 ms inside the start is in', 1 * HOUR_MS, -1 * HOUR_MS + 1, 2.5],
      ['at t is in', 1 * HOUR_MS, 0, 2.5],
      ['1 ms after t is out', 1 * HOUR_MS, 1, 0],
      ['exactly 3 h before t is out of the 3 h window', 3 * HOUR_MS, -3 * HOUR_MS, 0],
      ['1 ms inside 3 h is in', 3 * HOUR_MS, -3 * HOUR_MS + 1, 2.5],
      ['exactly 24 h before t is out of the 24 h window', 24 * HOUR_MS, -24 * HOUR_MS, 0],
      ['1 ms inside 24 h is in', 24 * HOUR_MS, -24 * HOUR_MS + 1, 2.5],
    ])('%s', (_edge, windowMs, offset, expected) => {
      const window = fiveMinute();
      window.record(t + offset, 2.5);
      // Something newer than t, so the total is asked of the past rather than at the newest report.
      window.record(t + 30 * MINUTE_MS, 9);
      expect(window.total(t, windowMs).millimetres).toBe(expected);
    });
  });

  describe('rolling totals', () => {
    it.each([1, 3, 6, 12, 24])('sums %i h of 5-minute reports ending at t', (hours) => {
      const window = fiveMinute();
      const t = T0 + 30 * HOUR_MS;
      // The rain of each report grows with its time, so a window shifted by one report gives another sum.
      const depthAt = (k: number) => 0.1 * (k % 7) + 0.5;
      let expected = 0;
      for (let k = 0; k < 30 * 12; k += 1) {
        const at = t - k * 5 * MINUTE_MS;
        window.record(at, depthAt(k));
        if (k < hours * 12) expected += Math.round(depthAt(k) * 1000);
      }
      const total = window.total(t, hours * HOUR_MS);
      expect(total.micrometres).toBe(expected);
      expect(total.reports).toBe(hours * 12);
      expect(total.missingReports).toBe(0);
    });

    it('adds 0.1 mm tips to exactly 35 mm, with no floating-point shortfall', () => {
      const window = fiveMinute();
      for (let k = 0; k < 350; k += 1) window.record(T0 + k * 10_000, 0.1);
      const total = window.total(T0 + 349 * 10_000, HOUR_MS);
      expect(total.millimetres).toBe(35);
      expect(total.millimetres >= 35).toBe(true);
    });

    it('sums across the 08:00 hydrological-day boundary like any other hour', () => {
      const window = fiveMinute();
      const reports = [
        [T0 - 25 * MINUTE_MS, 4],
        [T0 - 5 * MINUTE_MS, 6],
        [T0, 8],
        [T0 + 5 * MINUTE_MS, 10],
        [T0 + 30 * MINUTE_MS, 3],
      ] as const;
      for (const [at, mm] of reports) window.record(at, mm);
      const t = T0 + 30 * MINUTE_MS;
      expect(hydrologicalDayOf(t - HOUR_MS + 1).label).not.toBe(hydrologicalDayOf(t).label);
      expect(window.total(t, HOUR_MS).millimetres).toBe(4 + 6 + 8 + 10 + 3);
      expect(window.total(T0, HOUR_MS).millimetres).toBe(4 + 6 + 8);
      expect(window.total(T0 - 1, HOUR_MS).millimetres).toBe(4 + 6);
    });
  });

  describe('late, out-of-order and repeated reports', () => {
    it('gives the same totals whichever order a BeiDou catch-up arrives in', () => {
      const times = Array.from({ length: 36 }, (_, k) => T0 + k * 5 * MINUTE_MS);
      const depth = (at: number) => ((at - T0) / MINUTE_MS) % 11;
      const inOrder = fiveMinute();
      for (const at of times) inOrder.record(at, depth(at));
      const caughtUp = fiveMinute();
      // Cellular carried every third report live; the rest came later over BeiDou, newest batch first.
      for (const at of times.filter((_, k) => k % 3 === 0)) caughtUp.record(at, depth(at));
      for (const at of times.filter((_, k) => k % 3 !== 0).reverse()) caughtUp.record(at, depth(at));
      for (const hours of [1, 2, 3]) {
        const t = T0 + hours * HOUR_MS - 5 * MINUTE_MS;
        expect(caughtUp.total(t, HOUR_MS)).toEqual(inOrder.total(t, HOUR_MS));
      }
    });

    it.each([
      ['a correction replaces the first value', 2, 3.5, 'corrected', 3.5],
      ['a correction to less rain lowers the total', 2, 0.5, 'corrected', 0.5],
      ['the copy over the other channel changes nothing', 2, 2, 'unchanged', 2],
    ] as const)('%s', (_case, first, second, change, total) => {
      const window = fiveMinute();
      window.record(T0, 1);
      window.record(T0 + 5 * MINUTE_MS, first);
      window.record(T0 + 10 * MINUTE_MS, 4);
      const revision = window.revision;
      expect(window.record(T0 + 5 * MINUTE_MS, second)).toBe(change);
      expect(window.total(T0 + 10 * MINUTE_MS, HOUR_MS).millimetres).toBe(1 + total + 4);
      expect(window.size).toBe(3);
      expect(window.revision > revision).toBe(change === 'corrected');
    });

    it.each([
      ['exactly the kept span behind the newest is refused', 25 * HOUR_MS, 'too_old', 1],
      ['1 ms less is still placed', 25 * HOUR_MS - 1, 'added', 2],
    ] as const)('%s', (_case, age, change, size) => {
      const window = fiveMinute();
      window.record(T0 + 25 * HOUR_MS, 1);
      expect(window.record(T0 + 25 * HOUR_MS - age, 1)).toBe(change);
      expect(window.size).toBe(size);
    });

    it('forgets reports once they fall the kept span behind the newest, keeping totals right', () => {
      const window = fiveMinute();
      const end = T0 + 72 * HOUR_MS;
      for (let at = T0; at <= end; at += 5 * MINUTE_MS) window.record(at, 1);
      expect(window.size).toBe(25 * 12);
      expect(window.oldestAt).toBe(end - 25 * HOUR_MS + 5 * MINUTE_MS);
      expect(window.total(end, 24 * HOUR_MS).millimetres).toBe(24 * 12);
      window.record(end - 2 * HOUR_MS, 4);
      expect(window.total(end, 24 * HOUR_MS).millimetres).toBe(24 * 12 + 3);
    });

    it('refuses a negative depth', () => {
      expect(() => fiveMinute().record(T0, -0.5)).toThrow(RangeError);
    });
  });

  describe('completeness by the reporting interval', () => {
    it.each([
      ['every 5-minute slot reported', 5, [], 0],
      ['two 5-minute slots lost', 5, [T0 + 20 * MINUTE_MS, T0 + 35 * MINUTE_MS], 2],
      ['the slot at t lost', 5, [T0 + HOUR_MS], 1],
      ['an hourly gauge that reported', 60, [], 0],
      ['an hourly gauge that missed its hour', 60, [T0 + HOUR_MS], 1],
    ] as const)('%s', (_case, intervalMinutes, lost: readonly number[], missing) => {
      const window = new RainfallWindow({ reportingIntervalMinutes: intervalMinutes });
      for (let at = T0; at <= T0 + HOUR_MS; at += intervalMinutes * MINUTE_MS) {
        if (!lost.includes(at)) window.record(at, 0.5);
      }
      const total = window.total(T0 + HOUR_MS, HOUR_MS);
      expect(total.expectedReports).toBe(60 / intervalMinutes);
      expect(total.missingReports).toBe(missing);
    });

    it('does not count added reports between slots as timed ones', () => {
      const window = fiveMinute();
      for (let at = T0 + 5 * MINUTE_MS; at <= T0 + HOUR_MS; at += 5 * MINUTE_MS) {
        if (at !== T0 + 30 * MINUTE_MS) window.record(at, 1);
      }
      window.record(T0 + 31 * MINUTE_MS, 2);
      const total = window.total(T0 + HOUR_MS, HOUR_MS);
      expect(total.reports).toBe(12);
      expect(total.missingReports).toBe(1);
    });

    it('expects nothing of a station without a valid interval', () => {
      const window = new RainfallWindow({ reportingIntervalMinutes: 0 });
      window.record(T0, 1);
      expect(window.total(T0, HOUR_MS)).toMatchObject({ expectedReports: 0, missingReports: 0, millimetres: 1 });
    });
  });

  describe('isUpToDateAt', () => {
    const staleAfter = 30 * MINUTE_MS;
    it.each([
      ['its report for the slot at t is in', 5, T0, T0, true],
      ['an added report between slots, the slot report in', 5, T0 + 2 * MINUTE_MS, T0, true],
      ['the report for the slot at t is not in yet', 5, T0 + 5 * MINUTE_MS, T0, false],
      ['the report for the slot at t is not in yet, 1 ms after the slot', 5, T0 + 5 * MINUTE_MS + 1, T0, false],
      ['1 ms before the next slot', 5, T0 + 5 * MINUTE_MS - 1, T0, true],
      ['silent 1 ms short of staleAfter', 60, T0 + 30 * MINUTE_MS - 1, T0, true],
      ['silent exactly staleAfter', 60, T0 + 30 * MINUTE_MS, T0, false],
    ] as const)('%s', (_case, intervalMinutes, t, newest, upToDate) => {
      const window = new RainfallWindow({ reportingIntervalMinutes: intervalMinutes });
      window.record(newest, 1);
      expect(window.isUpToDateAt(t, staleAfter)).toBe(upToDate);
    });

    it('is never up to date before its first report', () => {
      expect(fiveMinute().isUpToDateAt(T0, HOUR_MS)).toBe(false);
    });

    it.each([
      ['with its report for that slot in', T0 + 10 * MINUTE_MS, true],
      ['1 ms before that slot’s report', T0 + 10 * MINUTE_MS - 1, true],
      ['after a slot whose report was lost, though later reports are in', T0 + 15 * MINUTE_MS, false],
      ['before any report', T0 - 1, false],
    ] as const)('judges a past time by the reports up to it only: %s', (_case, t, upToDate) => {
      const window = fiveMinute();
      for (const minute of [0, 5, 10, 20, 25]) window.record(T0 + minute * MINUTE_MS, 1);
      expect(window.isUpToDateAt(t, HOUR_MS)).toBe(upToDate);
    });
  });

  describe('holdsWholeWindow', () => {
    const hour = (n: number) => T0 + n * HOUR_MS;
    it.each([
      ['a window after everything dropped', hour(26), 24, true],
      ['a window starting exactly at the newest report dropped', hour(25), 24, true],
      ['a window 1 ms earlier, which reaches it', hour(25) - 1, 24, false],
      ['a short window late enough', hour(2), 1, true],
    ] as const)('%s: %s', (_case, t, windowHours, whole) => {
      const window = new RainfallWindow({ reportingIntervalMinutes: 60 });
      for (let n = 0; n <= 26; n++) window.record(hour(n), 1); // keeps 25 h: the reports at hours 0 and 1 are dropped
      expect(window.holdsWholeWindow(t, windowHours * HOUR_MS)).toBe(whole);
    });

    it('counts a report refused as too old as lost', () => {
      const window = new RainfallWindow({ reportingIntervalMinutes: 60, keptMs: 2 * HOUR_MS });
      window.record(T0 + 5 * HOUR_MS, 1);
      expect(window.holdsWholeWindow(T0 + 3 * HOUR_MS, HOUR_MS)).toBe(true);
      expect(window.record(T0 + 2 * HOUR_MS + 30 * MINUTE_MS, 1)).toBe('too_old');
      expect(window.holdsWholeWindow(T0 + 3 * HOUR_MS, HOUR_MS)).toBe(false);
      expect(window.holdsWholeWindow(T0 + 4 * HOUR_MS, HOUR_MS)).toBe(true);
    });
  });

  describe('timesIn', () => {
    it('lists the observation times held in [from, to], both ends inclusive', () => {
      const window = fiveMinute();
      for (const minute of [20, 0, 5, 10]) window.record(T0 + minute * MINUTE_MS, 1);
      expect(window.timesIn(T0 + 5 * MINUTE_MS, T0 + 10 * MINUTE_MS)).toEqual([T0 + 5 * MINUTE_MS, T0 + 10 * MINUTE_MS]);
      expect(window.timesIn(T0 + MINUTE_MS, T0 + 4 * MINUTE_MS)).toEqual([]);
      expect(window.timesIn(T0 + 10 * MINUTE_MS + 1, T0 + 24 * HOUR_MS)).toEqual([T0 + 20 * MINUTE_MS]);
    });
  });
});
