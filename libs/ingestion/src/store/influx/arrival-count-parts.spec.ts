import { describe, expect, it } from '@jest/globals';
import type { ArrivalCount } from '../reading-store';
import { ARRIVAL_COUNT_SPAN_MS, arrivalCountParts, sumArrivalCounts } from './arrival-count-parts';

const DAY = 86_400_000;
const D0 = Date.UTC(2024, 6, 1);

describe('arrivalCountParts', () => {
  it.each<[string, number, number, Array<[number, number]>]>([
    ['a range shorter than a part is one part', D0, D0 + 3 * DAY, [[D0, D0 + 3 * DAY]]],
    ['a range of exactly one part is one part', D0, D0 + 7 * DAY, [[D0, D0 + 7 * DAY]]],
    ['one ms more makes a second part of 1 ms', D0, D0 + 7 * DAY + 1, [[D0, D0 + 7 * DAY], [D0 + 7 * DAY, D0 + 7 * DAY + 1]]],
    [
      'a 31-day month is four weeks and three days, consecutive and half-open',
      D0,
      D0 + 31 * DAY,
      [
        [D0, D0 + 7 * DAY],
        [D0 + 7 * DAY, D0 + 14 * DAY],
        [D0 + 14 * DAY, D0 + 21 * DAY],
        [D0 + 21 * DAY, D0 + 28 * DAY],
        [D0 + 28 * DAY, D0 + 31 * DAY],
      ],
    ],
    ['an empty range has no parts', D0, D0, []],
  ])('%s', (_case, from, to, expected) => {
    const parts = arrivalCountParts({ from, to, every: DAY, stationIds: ['70100001'] });
    expect(parts.map((p) => [p.from, p.to])).toEqual(expected);
    for (const part of parts) expect(part).toMatchObject({ every: DAY, stationIds: ['70100001'] });
  });

  it('spans a week by default', () => {
    expect(ARRIVAL_COUNT_SPAN_MS).toBe(7 * DAY);
  });

  it.each([0, -DAY, 1.5, Number.NaN])('refuses a part span of %s', (span) => {
    expect(() => arrivalCountParts({ from: D0, to: D0 + DAY, every: DAY }, span)).toThrow(RangeError);
  });
});

describe('sumArrivalCounts', () => {
  const count = (stationId: string, channel: ArrivalCount['channel'], time: number, n: number): ArrivalCount => ({ stationId, channel, time, count: n });

  it('adds the counts of one station, channel and bucket that two parts both returned, and keeps the rest apart', () => {
    const summed = sumArrivalCounts([count('A', 'any', D0, 3), count('A', 'cellular', D0, 2), count('A', 'any', D0, 4), count('A', 'any', D0 + DAY, 1), count('B', 'any', D0, 5)]);
    expect(summed).toEqual([count('A', 'any', D0, 7), count('A', 'cellular', D0, 2), count('A', 'any', D0 + DAY, 1), count('B', 'any', D0, 5)]);
  });

  it('leaves out a bucket whose counts come to zero', () => {
    expect(sumArrivalCounts([count('A', 'any', D0, 0), count('A', 'any', D0 + DAY, 0), count('A', 'any', D0 + DAY, 2)])).toEqual([count('A', 'any', D0 + DAY, 2)]);
  });
});
