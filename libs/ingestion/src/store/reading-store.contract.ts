import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { Arrival, Reading } from '@hydro/domain';
import { describeArrivalCountContract } from './arrival-counts.contract';
import { type ReadingStore, type SeriesPoint, type StoredDeadLetter, type TelemetryBatch, StoreRejectedError } from './reading-store';

/**
 * What every ReadingStore adapter must do, as one jest suite declared per adapter: SQLite in
 * sqlite/sqlite-reading-store.spec.ts (unit), InfluxDB 1.6 in test/store-contract.test.ts (integration),
 * the in-memory test store in memory-reading-store.spec.ts. docs/storage.md describes the queries; the
 * arrival counts are in arrival-counts.contract.ts, declared from here. Not a spec file itself. `open` gives a new, empty store (not yet prepared) and how to dispose of it.
 */
export interface OpenedStore {
  readonly store: ReadingStore;
  cleanup(): Promise<void>;
}

const T0 = Date.UTC(2023, 5, 15, 8, 0, 0); // a multiple of 5 minutes
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const A = '70601234';
const B = '70605678';
const C = '70609999';

const reading = (over: Partial<Reading> = {}): Reading => ({ stationId: A, element: 'water_level', observedAt: T0, value: 3.25, quality: 'good', ...over });
const arrival = (over: Partial<Arrival> = {}): Arrival => ({ stationId: A, channel: 'cellular', observedAt: T0, receivedAt: T0 + 2_500, onSchedule: true, ...over });
const letter = (over: Partial<StoredDeadLetter> = {}): StoredDeadLetter => ({
  receivedAt: T0 + 7,
  topic: `hydro/v1/telemetry/${A}`,
  payload: '{"readings":{"water_level":"3,5"}}',
  reason: 'invalid_value',
  detail: 'readings.water_level: "3,5" is not a number',
  serial: 10_000,
  ...over,
});
const batch = (over: Partial<TelemetryBatch>): TelemetryBatch => ({ readings: [], arrivals: [], deadLetters: [], ...over });
const byTime = <T extends { observedAt: number }>(points: readonly T[]): T[] => [...points].sort((a, b) => a.observedAt - b.observedAt);
const point = (time: number, values: readonly number[], suspect: number): SeriesPoint => {
  const sum = values.reduce((total, v) => total + v, 0);
  return { time, mean: sum / values.length, min: Math.min(...values), max: Math.max(...values), sum, count: values.length, suspect };
};

export function describeReadingStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`${name} keeps the ReadingStore contract`, () => {
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

    it('prepares twice without harm and answers every query empty before the first write', async () => {
      await store.prepare();
      expect(await store.ping()).toBe(true);
      expect(await store.readings({})).toEqual([]);
      expect(await store.countReadings({})).toBe(0);
      expect(await store.arrivals({})).toEqual([]);
      expect(await store.deadLetters({ limit: 10 })).toEqual([]);
      expect(await store.countDeadLetters({})).toBe(0);
      expect(await store.series({ stationId: A, element: 'water_level', from: T0, to: T0 + 60 * MIN, every: 5 * MIN })).toEqual([]);
      expect(await store.latest({})).toEqual([]);
      expect(await store.lastArrivals()).toEqual([]);
      expect(await store.arrivalCounts({ from: T0 - DAY, to: T0 + DAY, every: DAY })).toEqual([]);
    });

    it('reads back readings, arrivals and dead letters exactly: values, quality, note and times', async () => {
      const readings = [
        reading({ value: 3 }),
        reading({ element: 'rainfall', value: 0, observedAt: T0 + 5 * MIN }),
        reading({ element: 'water_level', value: -0.25, observedAt: T0 + 1 }),
        reading({ element: 'flow', value: 1234.5678, quality: 'suspect', qualityNote: 'above the "max" limit\\n of 1000 m3/s\nsecond line, 温州', observedAt: T0 + 2 }),
      ];
      const arrivals = [arrival(), arrival({ channel: 'beidou', observedAt: T0 + MIN, receivedAt: T0 + 61_000, onSchedule: false })];
      const deadLetters = [
        letter(),
        letter({ serial: 20_001, reason: 'malformed_json', payload: '{"a": "b\\"c\n温州', detail: 'Unexpected token \\ in JSON', receivedAt: T0 + MIN }),
      ];
      await store.write({ readings, arrivals, deadLetters });

      expect(await store.readings({})).toEqual(byTime(readings));
      expect(await store.arrivals({})).toEqual(arrivals);
      expect(await store.deadLetters({})).toEqual(deadLetters);
      expect(await store.countReadings({})).toBe(4);
      expect(await store.countDeadLetters({})).toBe(2);
    });

    it('answers points of the same time by station, then element or channel', async () => {
      await store.write(
        batch({
          readings: [reading({ stationId: B, element: 'rainfall' }), reading({ stationId: A }), reading({ stationId: A, element: 'rainfall' }), reading({ stationId: B })],
          arrivals: [arrival({ stationId: B }), arrival({ stationId: A, channel: 'beidou' }), arrival({ stationId: A })],
        }),
      );
      expect((await store.readings({})).map((r) => `${r.element} ${r.stationId}`)).toEqual([`rainfall ${A}`, `water_level ${A}`, `rainfall ${B}`, `water_level ${B}`]);
      expect((await store.arrivals({})).map((a) => `${a.channel} ${a.stationId}`)).toEqual([`beidou ${A}`, `cellular ${A}`, `cellular ${B}`]);
    });

    it('rewrites the same batch idempotently: the same counts and content', async () => {
      const same = batch({ readings: [reading(), reading({ observedAt: T0 + 5 * MIN })], arrivals: [arrival()], deadLetters: [letter()] });
      await store.write(same);
      await store.write(same);
      expect(await store.countReadings({})).toBe(2);
      expect(await store.arrivals({})).toEqual(same.arrivals);
      expect(await store.countDeadLetters({})).toBe(1);
      expect(await store.readings({})).toEqual(same.readings);
    });

    it('overwrites a reading with its correction and clears the suspect note', async () => {
      await store.write(batch({ readings: [reading({ value: 31.5, quality: 'suspect', qualityNote: 'water_level 31.5 m above hard limit 12 m' })] }));
      await store.write(batch({ readings: [reading({ value: 3.15 })] }));
      expect(await store.countReadings({})).toBe(1);
      expect(await store.readings({})).toEqual([reading({ value: 3.15 })]);
      expect(await store.latest({})).toEqual([reading({ value: 3.15 })]);
      expect(await store.series({ stationId: A, element: 'water_level', from: T0, to: T0 + MIN, every: MIN })).toEqual([point(T0, [3.15], 0)]);
    });

    it('places late data by its observation time, and latest stays the newest observation', async () => {
      const newest = reading({ observedAt: T0 + 10 * MIN, value: 2 });
      const late = reading({ observedAt: T0 + 5 * MIN, value: 1 });
      const dayLate = reading({ observedAt: T0 - 24 * 60 * MIN, value: 0.5 });
      await store.write(batch({ readings: [newest] }));
      await store.write(batch({ readings: [late] }));
      await store.write(batch({ readings: [dayLate] }));
      expect(await store.readings({})).toEqual([dayLate, late, newest]);
      expect(await store.readings({ from: T0, to: T0 + 6 * MIN })).toEqual([late]);
      expect(await store.latest({})).toEqual([newest]);
    });

    it('stores out-of-order batches and answers in observation-time order', async () => {
      const times = [20, 0, 10, 5].map((m) => T0 + m * MIN);
      await store.write(batch({ readings: times.map((observedAt, i) => reading({ observedAt, value: i })), arrivals: times.map((observedAt) => arrival({ observedAt })) }));
      await store.write(batch({ readings: [reading({ observedAt: T0 - MIN, value: 9 })] }));
      expect((await store.readings({})).map((r) => r.observedAt - T0)).toEqual([-MIN, 0, 5 * MIN, 10 * MIN, 20 * MIN]);
      expect((await store.arrivals({})).map((a) => a.observedAt - T0)).toEqual([0, 5 * MIN, 10 * MIN, 20 * MIN]);
    });

    it('selects half-open ranges [from, to) in every query', async () => {
      const minutes = [0, 1, 2, 3];
      await store.write({
        readings: minutes.map((m) => reading({ observedAt: T0 + m * MIN, value: m })),
        arrivals: minutes.map((m) => arrival({ observedAt: T0 + m * MIN })),
        deadLetters: minutes.map((m) => letter({ receivedAt: T0 + m * MIN, serial: m + 1 })),
      });
      const range = { from: T0 + MIN, to: T0 + 3 * MIN };
      expect((await store.readings(range)).map((r) => r.value)).toEqual([1, 2]);
      expect(await store.countReadings(range)).toBe(2);
      expect((await store.arrivals(range)).map((a) => a.observedAt)).toEqual([T0 + MIN, T0 + 2 * MIN]);
      expect((await store.deadLetters(range)).map((d) => d.serial)).toEqual([2, 3]);
      expect(await store.countDeadLetters(range)).toBe(2);
      expect((await store.series({ stationId: A, element: 'water_level', ...range })).map((p) => p.time)).toEqual([T0 + MIN, T0 + 2 * MIN]);
    });

    it('filters readings and arrivals by station, element and channel, and counts with the same filters', async () => {
      await store.write({
        readings: [reading(), reading({ observedAt: T0 + MIN }), reading({ stationId: B }), reading({ element: 'rainfall' })],
        arrivals: [arrival(), arrival({ channel: 'beidou' }), arrival({ stationId: B })],
        deadLetters: [],
      });
      expect(await store.countReadings({ stationId: A, element: 'water_level' })).toBe(2);
      expect(await store.countReadings({ element: 'water_level' })).toBe(3);
      expect(await store.countReadings({ stationId: B })).toBe(1);
      expect((await store.readings({ element: 'rainfall' })).map((r) => r.element)).toEqual(['rainfall']);
      expect(await store.arrivals({ channel: 'beidou' })).toEqual([arrival({ channel: 'beidou' })]);
      expect(await store.arrivals({ stationId: B })).toEqual([arrival({ stationId: B })]);
    });

    describe('series', () => {
      const every = 5 * MIN;
      const at = (offset: number, value: number, quality: Reading['quality'] = 'good'): Reading =>
        reading({ observedAt: T0 + offset, value, quality, ...(quality === 'suspect' ? { qualityNote: 'spike' } : {}) });
      const readings = [
        at(0, 1.5),
        at(MIN, 2.25, 'suspect'),
        at(every - 1, 3), // the last ms of the first bucket
        at(every, 0.5), // exactly on a boundary: the second bucket
        at(every + 2 * MIN, 1, 'suspect'),
        at(3 * every, 4), // the third bucket is empty
        at(4 * every, 9), // at `to`: excluded
      ];
      const others = [reading({ stationId: B, value: 100 }), reading({ element: 'rainfall', value: 100, observedAt: T0 + MIN })];

      it('aggregates epoch-aligned buckets: mean, min, max, sum, count and suspect count; empty buckets omitted', async () => {
        await store.write(batch({ readings: [...readings, ...others] }));
        expect(await store.series({ stationId: A, element: 'water_level', from: T0, to: T0 + 4 * every, every })).toEqual([
          point(T0, [1.5, 2.25, 3], 1),
          point(T0 + every, [0.5, 1], 1),
          point(T0 + 3 * every, [4], 0),
        ]);
      });

      it('starts the first bucket at the epoch multiple before from, holding only readings from from on', async () => {
        await store.write(batch({ readings }));
        expect(await store.series({ stationId: A, element: 'water_level', from: T0 + MIN, to: T0 + every + MIN, every })).toEqual([
          point(T0, [2.25, 3], 1),
          point(T0 + every, [0.5], 0),
        ]);
      });

      it('answers raw readings as points of count 1 when no bucket width is given', async () => {
        await store.write(batch({ readings: [...readings, ...others] }));
        expect(await store.series({ stationId: A, element: 'water_level', from: T0, to: T0 + every + 1 })).toEqual([
          point(T0, [1.5], 0),
          point(T0 + MIN, [2.25], 1),
          point(T0 + every - 1, [3], 0),
          point(T0 + every, [0.5], 0),
        ]);
      });

      it('refuses a bucket width that is not a positive integer of ms', async () => {
        for (const bad of [0, -MIN, 1.5]) {
          await expect(store.series({ stationId: A, element: 'water_level', from: T0, to: T0 + MIN, every: bad })).rejects.toThrow(RangeError);
        }
      });
    });

    it('gives the newest reading per station and element, filtered by stations and element', async () => {
      const aLevel = reading({ observedAt: T0 + 5 * MIN, value: 2, quality: 'suspect', qualityNote: 'rose 1 m in 5 min' });
      const aRain = reading({ element: 'rainfall', observedAt: T0 + MIN, value: 0.5 });
      const bLevel = reading({ stationId: B, observedAt: T0 - 5 * MIN, value: 7 });
      const cFlow = reading({ stationId: C, element: 'flow', value: 9 });
      await store.write(batch({ readings: [aLevel, reading({ value: 1 }), cFlow, aRain, bLevel, reading({ stationId: B, observedAt: T0 - 10 * MIN })] }));

      expect(await store.latest({})).toEqual([aRain, aLevel, bLevel, cFlow]);
      expect(await store.latest({ stationIds: [B, A] })).toEqual([aRain, aLevel, bLevel]);
      expect(await store.latest({ element: 'water_level' })).toEqual([aLevel, bLevel]);
      expect(await store.latest({ stationIds: [A], element: 'rainfall' })).toEqual([aRain]);
      expect(await store.latest({ stationIds: [] })).toEqual([]);
      expect(await store.latest({ stationIds: ['79999999'] })).toEqual([]);
    });

    it('gives the arrival of the newest observation per station and channel, with its receipt time', async () => {
      const aCellular = arrival({ observedAt: T0 + 5 * MIN, receivedAt: T0 + 5 * MIN + 1_000 });
      const aBeidou = arrival({ channel: 'beidou', receivedAt: T0 + 90_000 });
      const bCellular = arrival({ stationId: B });
      const lateCopy = arrival({ observedAt: T0 - 5 * MIN, receivedAt: T0 + 10 * MIN }); // arrived last, observed earlier
      await store.write(batch({ arrivals: [arrival(), aCellular, aBeidou, bCellular] }));
      await store.write(batch({ arrivals: [lateCopy] }));
      expect(await store.lastArrivals()).toEqual([aBeidou, aCellular, bCellular]);
    });

    it('keeps one reading and two arrivals for a report that came over both channels', async () => {
      await store.write(batch({ readings: [reading()], arrivals: [arrival({ channel: 'cellular' })] }));
      await store.write(batch({ readings: [reading()], arrivals: [arrival({ channel: 'beidou', receivedAt: T0 + 90_000 })] }));
      expect(await store.countReadings({})).toBe(1);
      expect(await store.arrivals({})).toEqual([arrival({ channel: 'beidou', receivedAt: T0 + 90_000 }), arrival({ channel: 'cellular' })]);
      expect((await store.lastArrivals()).map((a) => a.channel)).toEqual(['beidou', 'cellular']);
    });

    it('keeps dead letters of the same millisecond apart by serial, and a replayed one once', async () => {
      await store.write(batch({ deadLetters: [letter({ serial: 30_000 }), letter({ serial: 30_001, detail: 'another' })] }));
      expect(await store.countDeadLetters({})).toBe(2);
      await store.write(batch({ deadLetters: [letter({ serial: 30_000 })] }));
      expect(await store.countDeadLetters({})).toBe(2);
      expect((await store.deadLetters({})).map((d) => d.serial)).toEqual([30_000, 30_001]);
    });

    it('lists dead letters oldest first, by reason, within a limit; counts ignore the limit', async () => {
      await store.write(
        batch({ deadLetters: [letter({ receivedAt: T0 + 2 * MIN, serial: 3, reason: 'bad_topic' }), letter({ receivedAt: T0, serial: 1 }), letter({ receivedAt: T0 + MIN, serial: 2 })] }),
      );
      expect((await store.deadLetters({})).map((d) => d.serial)).toEqual([1, 2, 3]);
      expect((await store.deadLetters({ reason: 'invalid_value' })).map((d) => d.serial)).toEqual([1, 2]);
      expect(await store.countDeadLetters({ reason: 'bad_topic' })).toBe(1);
      expect((await store.deadLetters({ limit: 2 })).map((d) => d.serial)).toEqual([1, 2]);
      expect(await store.countDeadLetters({ limit: 1 })).toBe(3);
      await expect(store.deadLetters({ limit: 0 })).rejects.toThrow(RangeError);
    });

    it('does nothing for an empty batch', async () => {
      await store.write(batch({}));
      expect(await store.countReadings({})).toBe(0);
      await store.write(batch({ readings: [reading()], deadLetters: [letter()] }));
      await store.write(batch({}));
      expect(await store.readings({})).toEqual([reading()]);
      expect(await store.countDeadLetters({})).toBe(1);
    });

    it('refuses values no store can keep with StoreRejectedError', async () => {
      for (const bad of [reading({ value: Number.NaN }), reading({ value: Number.POSITIVE_INFINITY }), reading({ observedAt: T0 + 0.5 })]) {
        await expect(store.write(batch({ readings: [bad] }))).rejects.toThrow(StoreRejectedError);
      }
      expect(await store.countReadings({})).toBe(0);
    });
  });
  describeArrivalCountContract(name, open);
}
