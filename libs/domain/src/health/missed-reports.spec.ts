import { describe, expect, it } from '@jest/globals';
import { countMissedReports, missedReportsAt, statusFromMissedReports } from './missed-reports';

const MINUTE = 60_000;
const LAST = Date.parse('2024-06-01T00:00:00Z');

describe('countMissedReports', () => {
  it.each([
    // [case, interval min, allowance min, now − last (ms), missed]
    ['right after the report', 5, 2, 0, 0],
    ['receipt clock behind the last receipt', 5, 2, -MINUTE, 0],
    ['1 ms short of interval + allowance', 5, 2, 7 * MINUTE - 1, 0],
    ['exactly interval + allowance', 5, 2, 7 * MINUTE, 1],
    ['1 ms short of the second miss', 5, 2, 12 * MINUTE - 1, 1],
    ['exactly the second miss', 5, 2, 12 * MINUTE, 2],
    ['exactly the third miss', 5, 2, 17 * MINUTE, 3],
    ['BeiDou: 1 ms short of 30 min allowance + 5 min', 5, 30, 35 * MINUTE - 1, 0],
    ['BeiDou: exactly 30 min allowance + 5 min', 5, 30, 35 * MINUTE, 1],
    ['hourly station: 1 ms short of 62 min', 60, 2, 62 * MINUTE - 1, 0],
    ['hourly station: exactly 62 min', 60, 2, 62 * MINUTE, 1],
    ['hourly station: exactly 182 min', 60, 2, 182 * MINUTE, 3],
  ])('%s: %d-min interval, %d-min allowance, %d ms after → %d missed', (_case, interval, allowance, elapsed, missed) => {
    expect(countMissedReports(LAST + elapsed, LAST, interval * MINUTE, allowance * MINUTE)).toBe(missed);
  });
});

describe('statusFromMissedReports', () => {
  it.each([
    [0, 3, 'online'],
    [1, 3, 'late'],
    [2, 3, 'late'],
    [3, 3, 'offline'],
    [40, 3, 'offline'],
    [0, 1, 'online'],
    [1, 1, 'offline'],
  ] as const)('%d missed with offline after %d is %s', (missed, offlineAfter, status) => {
    expect(statusFromMissedReports(missed, offlineAfter)).toBe(status);
  });
});

describe('missedReportsAt', () => {
  it('gives the moment the nth report counts as missed, consistent with countMissedReports', () => {
    for (const n of [1, 2, 3]) {
      const at = missedReportsAt(n, LAST, 5 * MINUTE, 2 * MINUTE);
      expect(countMissedReports(at, LAST, 5 * MINUTE, 2 * MINUTE)).toBe(n);
      expect(countMissedReports(at - 1, LAST, 5 * MINUTE, 2 * MINUTE)).toBe(n - 1);
    }
  });
});
