import { describe, expect, it } from '@jest/globals';
import { DAY_MS } from './durations';
import { hydrologicalDay, hydrologicalDayOf, hydrologicalDaysCovering } from './hydrological-day';

const beijing = (text: string): number => Date.parse(`${text}+08:00`);

describe('hydrologicalDayOf', () => {
  it.each([
    ['2023-09-21T07:59:59.999', '2023-09-20'],
    ['2023-09-21T08:00:00.000', '2023-09-21'],
    ['2023-09-21T08:00:00.001', '2023-09-21'],
    ['2023-09-21T23:59:59.999', '2023-09-21'],
    ['2023-09-22T00:00:00.000', '2023-09-21'],
    ['2023-09-22T07:59:59.999', '2023-09-21'],
    ['2023-09-22T08:00:00.000', '2023-09-22'],
    ['2024-01-01T07:00:00.000', '2023-12-31'],
    ['2024-03-01T07:59:59.999', '2024-02-29'],
  ])('puts %s Beijing time in the day labelled %s', (time, label) => {
    expect(hydrologicalDayOf(beijing(time)).label).toBe(label);
  });

  it('bounds the day from 08:00 Beijing time to 08:00 the next morning', () => {
    const day = hydrologicalDayOf(beijing('2023-09-21T15:30:00'));
    expect(day).toEqual({ label: '2023-09-21', from: beijing('2023-09-21T08:00:00'), to: beijing('2023-09-22T08:00:00') });
    expect(day.from).toBe(Date.parse('2023-09-21T00:00:00Z'));
  });
});

describe('hydrologicalDay', () => {
  it('gives the day starting 08:00 Beijing time on the labelled date', () => {
    const day = hydrologicalDay('2023-09-21');
    expect([day.from, day.to]).toEqual([beijing('2023-09-21T08:00:00'), beijing('2023-09-22T08:00:00')]);
  });

  it.each(['2023-02-29', '2023-9-21', '21/09/2023'])('refuses %s, which is not a real YYYY-MM-DD date', (label) => {
    expect(() => hydrologicalDay(label)).toThrow(RangeError);
  });
});

describe('hydrologicalDaysCovering', () => {
  it.each([
    ['one whole day', '2023-09-21T08:00:00', '2023-09-22T08:00:00', ['2023-09-21']],
    ['one ms past the boundary', '2023-09-21T08:00:00', '2023-09-22T08:00:00.001', ['2023-09-21', '2023-09-22']],
    ['one ms before the boundary', '2023-09-21T07:59:59.999', '2023-09-21T08:00:00.001', ['2023-09-20', '2023-09-21']],
    ['an hour inside a day', '2023-09-21T10:00:00', '2023-09-21T11:00:00', ['2023-09-21']],
    ['an empty range', '2023-09-21T10:00:00', '2023-09-21T10:00:00', []],
  ])('lists the days of %s', (_case, from, to, labels) => {
    expect(hydrologicalDaysCovering({ from: beijing(from), to: beijing(to) }).map((d) => d.label)).toEqual(labels);
  });

  it('covers a month with consecutive days that touch', () => {
    const days = hydrologicalDaysCovering({ from: hydrologicalDay('2023-09-01').from, to: hydrologicalDay('2023-10-01').from });
    expect(days).toHaveLength(30);
    days.slice(1).forEach((day, i) => expect(day.from).toBe(days[i]!.to));
    expect(days[29]!.to - days[0]!.from).toBe(30 * DAY_MS);
  });
});
