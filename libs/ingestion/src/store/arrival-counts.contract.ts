import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Arrival } from '@hydro/domain';
import { MAX_ARRIVAL_COUNT_BUCKETS } from './arrival-count-query';
import type { ArrivalCount, ArrivalCountChannel, ReadingStore } from './reading-store';
import type { OpenedStore } from './reading-store.contract';

/**
 * What every ReadingStore must answer to `arrivalCounts`, declared from describeReadingStoreContract so that
 * each adapter runs it with the rest of the contract. Not a spec file itself.
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** 00:00 UTC, which is 08:00 Beijing time: the start of a hydrological day. */
const D0 = Date.UTC(2023, 5, 15);
const H = D0 + 9 * HOUR;
const A = '70601234';
const B = '70605678';
const C = '70609999';

const arrival = (over: Partial<Arrival> = {}): Arrival => ({ stationId: A, channel: 'cellular', observedAt: H, receivedAt: H + 2_000, onSchedule: true, ...over });
const counted = (stationId: string, channel: ArrivalCountChannel, time: number, count: number): ArrivalCount => ({ stationId, channel, time, count });
/** The same arrivals over one channel give the same count per channel and over any. */
const cellularOnly = (stationId: string, time: number, count: number): ArrivalCount[] => [counted(stationId, 'any', time, count), counted(stationId, 'cellular', time, count)];

export function describeArrivalCountContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} counts arrivals for the arrival rate`, () => {
    let store: ReadingStore;
    let cleanup: (() => Promise<void>) | undefined;

    beforeEach(async () => {
      const opened = await open();
      store = opened.store;
      cleanup = () => opened.cleanup();
      await store.prepare();
    });
    afterEach(async () => {
      await cleanup?.();
      cleanup = undefined;
    });

    const write = (arrivals: readonly Arrival[]) => store.write({ readings: [], arrivals, deadLetters: [] });

    it('counts the copies of a dual-channel report once under any and once per channel', async () => {
      await write([
        arrival({ observedAt: H }),
        arrival({ observedAt: H, channel: 'beidou', receivedAt: H + 3 * HOUR }),
        arrival({ observedAt: H + 5 * MIN }),
        arrival({ observedAt: H + 5 * MIN, channel: 'beidou' }),
        arrival({ observedAt: H + 10 * MIN }), // cellular only
        arrival({ observedAt: H + 15 * MIN, channel: 'beidou' }), // BeiDou only
        arrival({ stationId: B, observedAt: H + 5 * MIN }),
      ]);
      expect(await store.arrivalCounts({ from: D0, to: D0 + DAY, every: DAY })).toEqual([
        counted(A, 'any', D0, 4),
        counted(A, 'beidou', D0, 3),
        counted(A, 'cellular', D0, 3),
        ...cellularOnly(B, D0, 1),
      ]);
    });

    it('leaves added reports out, and omits a bucket that holds only added reports', async () => {
      await write([
        arrival({ observedAt: H }),
        arrival({ observedAt: H + 2 * MIN, onSchedule: false }),
        arrival({ observedAt: H + 2 * MIN, channel: 'beidou', onSchedule: false }),
        arrival({ observedAt: H + HOUR + 7 * MIN, onSchedule: false }),
      ]);
      expect(await store.arrivalCounts({ from: H, to: H + 2 * HOUR, every: HOUR })).toEqual(cellularOnly(A, H, 1));
    });

    it('counts a rewritten arrival once', async () => {
      await write([arrival(), arrival({ observedAt: H + 5 * MIN })]);
      await write([arrival({ receivedAt: H + HOUR }), arrival({ observedAt: H + 5 * MIN })]);
      expect(await store.arrivalCounts({ from: H, to: H + HOUR, every: HOUR })).toEqual(cellularOnly(A, H, 2));
    });

    describe('buckets and half-open ranges', () => {
      // Cellular arrivals of A, each on a 5-minute mark; one at each edge of the hour starting at H.
      const minutes = [-5, 0, 55, 60, 120];
      const at = (m: number): number => H + m * MIN;
      it.each<[string, number, number, ArrivalCount[]]>([
        ['the hour [H, H+2h): an arrival exactly at a bucket start opens the next bucket; `to` is excluded', at(0), at(120), [...cellularOnly(A, at(0), 2), ...cellularOnly(A, at(60), 1)].sort(byChannel)],
        ['`to` exactly at the start of the second hour excludes its first arrival', at(0), at(60), cellularOnly(A, at(0), 2)],
        ['`to` one ms past it includes that arrival', at(0), at(60) + 1, [...cellularOnly(A, at(0), 2), ...cellularOnly(A, at(60), 1)].sort(byChannel)],
        ['`to` one ms short of an arrival excludes it', at(0), at(55) - 1, cellularOnly(A, at(0), 1)],
        ['`from` one ms past H: the first bucket still starts at H but counts only from `from`', at(0) + 1, at(61), [...cellularOnly(A, at(0), 1), ...cellularOnly(A, at(60), 1)].sort(byChannel)],
        ['`from` exactly on an arrival includes it', at(-5), at(0), cellularOnly(A, at(-60), 1)],
        ['`from` one ms past an arrival excludes it', at(-5) + 1, at(0), []],
      ])('%s', async (_title, from, to, expected) => {
        await write(minutes.map((m) => arrival({ observedAt: at(m) })));
        expect(await store.arrivalCounts({ from, to, every: HOUR })).toEqual(expected);
      });

      it('puts day buckets on the hydrological day: 07:55 Beijing time is the day before, 08:00 the day after', async () => {
        await write([arrival({ observedAt: D0 - 5 * MIN }), arrival({ observedAt: D0 }), arrival({ observedAt: D0 + DAY - 5 * MIN })]);
        expect(await store.arrivalCounts({ from: D0 - DAY, to: D0 + DAY, every: DAY })).toEqual(
          [...cellularOnly(A, D0 - DAY, 1), ...cellularOnly(A, D0, 2)].sort(byChannel),
        );
      });
    });

    it('counts weeks of arrivals in buckets wider than a week, and in days, as one count over the whole range would', async () => {
      // One cellular report a day for 20 days; 10-day buckets lie on epoch multiples of 10 days, so they straddle weeks.
      await write(Array.from({ length: 20 }, (_, day) => arrival({ observedAt: H + day * DAY })));
      const tenDays = 10 * DAY;
      const grid = D0 - (D0 % tenDays);
      const expected = [0, 1, 2]
        .map((k) => grid + k * tenDays)
        .flatMap((start) => {
          const inBucket = Array.from({ length: 20 }, (_, day) => H + day * DAY).filter((t) => t >= start && t < start + tenDays).length;
          return inBucket === 0 ? [] : cellularOnly(A, start, inBucket);
        })
        .sort(byChannel);
      expect(await store.arrivalCounts({ from: D0, to: D0 + 20 * DAY, every: tenDays })).toEqual(expected);
      const daily = await store.arrivalCounts({ from: D0, to: D0 + 20 * DAY, every: DAY });
      expect(daily).toEqual(Array.from({ length: 20 }, (_, day) => cellularOnly(A, D0 + day * DAY, 1)).flat().sort(byChannel));
    });

    it('sorts by station, then channel with any first, then time', async () => {
      await write([
        arrival({ stationId: C, observedAt: H + DAY }),
        arrival({ stationId: B, observedAt: H + DAY, channel: 'beidou' }),
        arrival({ stationId: B, observedAt: H }),
        arrival({ stationId: A, observedAt: H + DAY }),
      ]);
      const rows = await store.arrivalCounts({ from: D0, to: D0 + 2 * DAY, every: DAY });
      expect(rows.map((r) => `${r.stationId} ${r.channel} ${(r.time - D0) / DAY}`)).toEqual([
        `${A} any 1`,
        `${A} cellular 1`,
        `${B} any 0`,
        `${B} any 1`,
        `${B} beidou 1`,
        `${B} cellular 0`,
        `${C} any 1`,
        `${C} cellular 1`,
      ]);
    });

    it('filters by stations; an empty list or an unknown station matches nothing', async () => {
      await write([arrival(), arrival({ stationId: B }), arrival({ stationId: C })]);
      const range = { from: D0, to: D0 + DAY, every: DAY };
      expect(await store.arrivalCounts({ ...range, stationIds: [C, A] })).toEqual([...cellularOnly(A, D0, 1), ...cellularOnly(C, D0, 1)]);
      expect(await store.arrivalCounts({ ...range, stationIds: [B, B] })).toEqual(cellularOnly(B, D0, 1));
      expect(await store.arrivalCounts({ ...range, stationIds: [] })).toEqual([]);
      expect(await store.arrivalCounts({ ...range, stationIds: ['79999999'] })).toEqual([]);
    });

    it.each<[string, number, number]>([
      ['from equal to to', H, H],
      ['from after to', H + HOUR, H],
      ['a range before every arrival', H - DAY, H - HOUR],
    ])('answers an empty range, %s, with nothing', async (_title, from, to) => {
      await write([arrival(), arrival({ channel: 'beidou' })]);
      expect(await store.arrivalCounts({ from, to, every: HOUR })).toEqual([]);
    });

    it('refuses a bucket width that is not a positive integer of ms, bounds that are not integer ms, and too many buckets', async () => {
      for (const every of [0, -HOUR, 1.5, Number.NaN]) {
        await expect(store.arrivalCounts({ from: D0, to: D0 + DAY, every })).rejects.toThrow(RangeError);
      }
      await expect(store.arrivalCounts({ from: D0 + 0.5, to: D0 + DAY, every: HOUR })).rejects.toThrow(RangeError);
      await expect(store.arrivalCounts({ from: D0, to: D0 + MAX_ARRIVAL_COUNT_BUCKETS + 1, every: 1 })).rejects.toThrow(RangeError);
      expect(await store.arrivalCounts({ from: D0, to: D0 + MAX_ARRIVAL_COUNT_BUCKETS, every: 1 })).toEqual([]);
    });
  });
}

function byChannel(a: ArrivalCount, b: ArrivalCount): number {
  return a.channel.localeCompare(b.channel) || a.time - b.time;
}
