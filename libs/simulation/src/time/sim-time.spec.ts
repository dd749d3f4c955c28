import { beijingHourOfDay, formatBeijing, nextReportTime, reportTimes } from './sim-time';

const at = (iso: string): number => Date.parse(iso);

describe('simulated time', () => {
  it('formats Beijing time with its offset', () => {
    expect(formatBeijing(at('2023-09-21T02:05:00Z'))).toBe('2023-09-21T10:05:00+08:00');
    expect(formatBeijing(at('2023-09-21T20:00:00Z'))).toBe('2023-09-22T04:00:00+08:00');
    expect(formatBeijing(at('2023-09-21T15:59:59.999Z'))).toBe('2023-09-21T23:59:59+08:00');
    expect(formatBeijing(at('1999-12-31T16:00:00Z'))).toBe('2000-01-01T00:00:00+08:00');
  });

  it('tells the hour of the Beijing day', () => {
    expect(beijingHourOfDay(at('2023-09-21T04:30:00Z'))).toBe(12.5);
    expect(beijingHourOfDay(at('1969-12-31T20:00:00Z'))).toBe(4);
  });

  it('lists report instants on the interval grid, half-open', () => {
    const from = at('2023-09-21T10:03:00+08:00');
    expect(reportTimes(5, from, at('2023-09-21T10:15:00+08:00')).map(formatBeijing)).toEqual([
      '2023-09-21T10:05:00+08:00',
      '2023-09-21T10:10:00+08:00',
    ]);
    expect(reportTimes(60, at('2023-09-21T10:00:00+08:00'), at('2023-09-21T12:00:00+08:00')).map(formatBeijing)).toEqual([
      '2023-09-21T10:00:00+08:00',
      '2023-09-21T11:00:00+08:00',
    ]);
    expect(reportTimes(180, at('2023-09-21T00:00:00+08:00'), at('2023-09-21T04:00:00+08:00')).map(formatBeijing)).toEqual([
      '2023-09-21T00:00:00+08:00',
      '2023-09-21T03:00:00+08:00',
    ]);
    expect(formatBeijing(nextReportTime(60, from))).toBe('2023-09-21T11:00:00+08:00');
  });
});
