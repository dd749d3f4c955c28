import type { Arrival, Reading } from '@hydro/domain';
import { MemoryReadingStore } from './memory-reading-store';
import { type StoredDeadLetter, type TelemetryBatch, StoreRejectedError, StoreUnavailableError } from './reading-store';
import { describeReadingStoreContract } from './reading-store.contract';

const T0 = Date.parse('2023-09-21T02:00:00Z');
const MINUTE = 60_000;

const reading = (overrides: Partial<Reading> = {}): Reading => ({
  stationId: '70100001',
  element: 'water_level',
  observedAt: T0,
  value: 3.42,
  quality: 'good',
  ...overrides,
});
const arrival = (overrides: Partial<Arrival> = {}): Arrival => ({
  stationId: '70100001',
  channel: 'cellular',
  observedAt: T0,
  receivedAt: T0 + 5_000,
  onSchedule: true,
  ...overrides,
});
const letter = (overrides: Partial<StoredDeadLetter> = {}): StoredDeadLetter => ({
  receivedAt: T0,
  topic: 'hydro/v1/telemetry/70100001',
  payload: '{"水位": 🌊',
  reason: 'malformed_json',
  detail: 'payload is not JSON',
  serial: 10_000,
  ...overrides,
});
const batch = (parts: Partial<TelemetryBatch>): TelemetryBatch => ({ readings: [], arrivals: [], deadLetters: [], ...parts });

describeReadingStoreContract('MemoryReadingStore', async () => {
  const store = new MemoryReadingStore();
  return { store, cleanup: () => store.close() };
});

describe('MemoryReadingStore', () => {
  let store: MemoryReadingStore;

  beforeEach(async () => {
    store = new MemoryReadingStore();
    await store.prepare();
  });

  it('refuses writes and reads before prepare as unavailable, and prepare may be called again', async () => {
    const fresh = new MemoryReadingStore();
    await expect(fresh.write(batch({ readings: [reading()] }))).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(fresh.readings({})).rejects.toBeInstanceOf(StoreUnavailableError);
    await fresh.prepare();
    await fresh.prepare();
    await fresh.write(batch({ readings: [reading()] }));
    expect(await fresh.countReadings({})).toBe(1);
  });

  it('keeps one reading per station, element and observation time, the last write replacing the earlier', async () => {
    await store.write(batch({ readings: [reading({ value: 14.2, quality: 'suspect', qualityNote: 'above hard limit' })] }));
    await store.write(batch({ readings: [reading({ value: 3.5 })] }));
    await store.write(batch({ readings: [reading({ element: 'rainfall', value: 1 }), reading({ observedAt: T0 + 5 * MINUTE })] }));

    // The correction to good carries no note: the stale one must not survive the rewrite.
    expect(await store.readings({ element: 'water_level' })).toStrictEqual([
      reading({ value: 3.5 }),
      reading({ observedAt: T0 + 5 * MINUTE }),
    ]);
    expect(await store.countReadings({})).toBe(3);
  });

  it('keeps the last copy of a point that appears twice in one batch', async () => {
    await store.write(batch({ readings: [reading({ value: 1 }), reading({ value: 2 })] }));
    expect(await store.readings({})).toStrictEqual([reading({ value: 2 })]);
  });

  it('keeps one arrival per station, channel and observation time', async () => {
    await store.write(batch({ arrivals: [arrival(), arrival({ channel: 'beidou', receivedAt: T0 + 90 * MINUTE })] }));
    await store.write(batch({ arrivals: [arrival()] }));
    expect(await store.arrivals({})).toStrictEqual([arrival({ channel: 'beidou', receivedAt: T0 + 90 * MINUTE }), arrival()]);
    expect(await store.arrivals({ channel: 'cellular' })).toStrictEqual([arrival()]);
  });

  it('keeps one dead letter per serial, so replaying a letter rewrites it in place', async () => {
    await store.write(batch({ deadLetters: [letter(), letter({ serial: 10_001, detail: 'second' })] }));
    await store.write(batch({ deadLetters: [letter()] }));
    expect(await store.deadLetters({})).toStrictEqual([letter(), letter({ serial: 10_001, detail: 'second' })]);
    expect(await store.countDeadLetters({})).toBe(2);
  });

  it('answers queries in time order over half-open ranges, filtered by station and element', async () => {
    await store.write(
      batch({
        readings: [
          reading({ observedAt: T0 + 10 * MINUTE }),
          reading({ stationId: '70100002', observedAt: T0 + 5 * MINUTE }),
          reading({ observedAt: T0 + 5 * MINUTE }),
          reading({ element: 'rainfall', observedAt: T0 + 5 * MINUTE }),
          reading(),
        ],
      }),
    );
    const times = (rows: readonly Reading[]) => rows.map((r) => `${r.stationId} ${r.element} +${(r.observedAt - T0) / MINUTE}`);

    expect(times(await store.readings({ from: T0 + 5 * MINUTE, to: T0 + 10 * MINUTE }))).toEqual([
      '70100001 rainfall +5',
      '70100001 water_level +5',
      '70100002 water_level +5',
    ]);
    expect(times(await store.readings({ stationId: '70100001', element: 'water_level' }))).toEqual([
      '70100001 water_level +0',
      '70100001 water_level +5',
      '70100001 water_level +10',
    ]);
    expect(await store.countReadings({ to: T0 + 5 * MINUTE })).toBe(1);
  });

  it('gives a raw series as one point per reading, counting suspect ones', async () => {
    await store.write(
      batch({
        readings: [
          reading({ observedAt: T0 + 5 * MINUTE, value: 14.2, quality: 'suspect', qualityNote: 'above hard limit' }),
          reading({ value: 3.4 }),
          reading({ observedAt: T0 + 10 * MINUTE, value: 3.6 }),
          reading({ element: 'rainfall', value: 9 }),
        ],
      }),
    );
    expect(await store.series({ stationId: '70100001', element: 'water_level', from: T0, to: T0 + 10 * MINUTE })).toEqual([
      { time: T0, mean: 3.4, min: 3.4, max: 3.4, sum: 3.4, count: 1, suspect: 0 },
      { time: T0 + 5 * MINUTE, mean: 14.2, min: 14.2, max: 14.2, sum: 14.2, count: 1, suspect: 1 },
    ]);
  });

  it('aggregates a series per bucket aligned to epoch multiples of the width, omitting empty buckets', async () => {
    const hour = 60 * MINUTE;
    const hourStart = Math.floor(T0 / hour) * hour;
    await store.write(
      batch({
        readings: [
          reading({ observedAt: hourStart + 10 * MINUTE, value: 1 }),
          reading({ observedAt: hourStart + 40 * MINUTE, value: 3, quality: 'suspect' }),
          reading({ observedAt: hourStart + 50 * MINUTE, value: 8 }),
          reading({ observedAt: hourStart + 3 * hour, value: 5 }),
          reading({ observedAt: hourStart + 4 * hour, value: 7 }),
        ],
      }),
    );
    // The range starts inside the first hour: that bucket starts before `from` but holds only what is after it.
    expect(await store.series({ stationId: '70100001', element: 'water_level', from: hourStart + 30 * MINUTE, to: hourStart + 4 * hour, every: hour })).toEqual([
      { time: hourStart, mean: 5.5, min: 3, max: 8, sum: 11, count: 2, suspect: 1 },
      { time: hourStart + 3 * hour, mean: 5, min: 5, max: 5, sum: 5, count: 1, suspect: 0 },
    ]);
  });

  it('floors bucket starts for times before 1970 too', async () => {
    await store.write(batch({ readings: [reading({ observedAt: -1, value: 2 })] }));
    expect(await store.series({ stationId: '70100001', element: 'water_level', from: -1000, to: 0, every: 1000 })).toMatchObject([{ time: -1000, count: 1 }]);
  });

  it('refuses a bucket width that is not a positive integer', async () => {
    await expect(store.series({ stationId: '70100001', element: 'water_level', from: T0, to: T0 + MINUTE, every: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.series({ stationId: '70100001', element: 'water_level', from: T0, to: T0 + MINUTE, every: 1.5 })).rejects.toBeInstanceOf(RangeError);
  });

  it('gives the newest observation per station and element, whatever was written last', async () => {
    await store.write(batch({ readings: [reading({ observedAt: T0 + 10 * MINUTE, value: 3.6 }), reading({ element: 'rainfall', value: 2 })] }));
    await store.write(batch({ readings: [reading({ value: 3.4 }), reading({ stationId: '70100002', value: 1.2 })] }));

    expect(await store.latest({})).toEqual([
      reading({ element: 'rainfall', value: 2 }),
      reading({ observedAt: T0 + 10 * MINUTE, value: 3.6 }),
      reading({ stationId: '70100002', value: 1.2 }),
    ]);
    expect(await store.latest({ stationIds: ['70100002', '79999999'] })).toEqual([reading({ stationId: '70100002', value: 1.2 })]);
    expect(await store.latest({ element: 'rainfall' })).toEqual([reading({ element: 'rainfall', value: 2 })]);
    expect(await store.latest({ stationIds: [] })).toEqual([]);
  });

  it('gives the arrival of the newest observation per station and channel', async () => {
    await store.write(batch({ arrivals: [arrival({ observedAt: T0 + 5 * MINUTE, receivedAt: T0 + 6 * MINUTE }), arrival({ channel: 'beidou' })] }));
    await store.write(batch({ arrivals: [arrival({ receivedAt: T0 + 99 * MINUTE }), arrival({ stationId: '70100000' })] }));
    expect(await store.lastArrivals()).toEqual([
      arrival({ stationId: '70100000' }),
      arrival({ channel: 'beidou' }),
      arrival({ observedAt: T0 + 5 * MINUTE, receivedAt: T0 + 6 * MINUTE }),
    ]);
  });

  it('lists dead letters oldest first up to the limit but counts every match', async () => {
    await store.write(
      batch({
        deadLetters: [
          letter({ serial: 30_000, receivedAt: T0 + 2 * MINUTE }),
          letter({ serial: 20_001, receivedAt: T0 + MINUTE, reason: 'unknown_station' }),
          letter({ serial: 20_000, receivedAt: T0 + MINUTE }),
          letter({ serial: 10_000, receivedAt: T0 }),
        ],
      }),
    );
    expect((await store.deadLetters({ limit: 3 })).map((d) => d.serial)).toEqual([10_000, 20_000, 20_001]);
    expect((await store.deadLetters({ reason: 'malformed_json', from: T0 + MINUTE })).map((d) => d.serial)).toEqual([20_000, 30_000]);
    expect(await store.countDeadLetters({ reason: 'malformed_json', limit: 1 })).toBe(3);
  });

  it('rejects a limit that is not a positive integer and time bounds that are not integer epoch ms', async () => {
    await expect(store.deadLetters({ limit: 0 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.readings({ from: 1.5 })).rejects.toBeInstanceOf(RangeError);
    await expect(store.arrivals({ to: Number.NaN })).rejects.toBeInstanceOf(RangeError);
  });

  it('fails exactly the next n writes as scripted, storing nothing from them', async () => {
    const down = new StoreUnavailableError('connection refused');
    store.failNext(2, down);
    await expect(store.write(batch({ readings: [reading({ value: 1 })] }))).rejects.toBe(down);
    await expect(store.write(batch({ readings: [reading({ value: 2 })] }))).rejects.toBe(down);
    await store.write(batch({ readings: [reading({ value: 3 })] }));

    expect(await store.readings({})).toStrictEqual([reading({ value: 3 })]);
    expect(store.writeAttempts).toBe(3);
    expect(store.confirmedWrites).toEqual([batch({ readings: [reading({ value: 3 })] })]);
  });

  it('stays down for scripted prepares until the failures are cleared', async () => {
    const fresh = new MemoryReadingStore();
    fresh.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('no route to host'), 'prepare');
    await expect(fresh.prepare()).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(fresh.prepare()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(fresh.isPrepared).toBe(false);
    fresh.clearFailures();
    await fresh.prepare();
    expect(fresh.isPrepared).toBe(true);
  });

  it('refuses a whole batch holding a refused point and stores none of it', async () => {
    store.refuseWhen((p) => p.kind === 'reading' && p.point.value === 666, 'field type conflict');
    await expect(store.write(batch({ readings: [reading({ value: 1 }), reading({ element: 'rainfall', value: 666 })], arrivals: [arrival()] }))).rejects.toThrow(
      new StoreRejectedError('field type conflict'),
    );
    expect(await store.countReadings({})).toBe(0);
    expect(await store.arrivals({})).toEqual([]);
    await store.write(batch({ readings: [reading({ value: 1 })] }));
    expect(await store.countReadings({})).toBe(1);
  });

  it('refuses values and times no store can keep', async () => {
    await expect(store.write(batch({ readings: [reading({ value: Number.NaN })] }))).rejects.toBeInstanceOf(StoreRejectedError);
    await expect(store.write(batch({ arrivals: [arrival({ receivedAt: 1.5 })] }))).rejects.toBeInstanceOf(StoreRejectedError);
    await expect(store.write(batch({ deadLetters: [letter({ serial: Number.POSITIVE_INFINITY })] }))).rejects.toBeInstanceOf(StoreRejectedError);
    expect(store.confirmedWrites).toEqual([]);
  });

  it('holds writes until released, storing nothing meanwhile', async () => {
    const release = store.holdWrites();
    let settled = false;
    const writing = store.write(batch({ readings: [reading()] })).then(() => {
      settled = true;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect(store.writeAttempts).toBe(1);
    expect(await store.countReadings({})).toBe(0);

    release();
    await writing;
    expect(await store.countReadings({})).toBe(1);
  });

  it('keeps what it returned apart from what it stores', async () => {
    const written = { ...reading() };
    await store.write(batch({ readings: [written] }));
    const [first] = await store.readings({});
    (first as { value: number }).value = 99;
    (written as { value: number }).value = 98;
    expect(await store.readings({})).toStrictEqual([reading()]);
  });

  it('after close refuses writes as unavailable, fails held writes and answers ping with false', async () => {
    expect(await store.ping()).toBe(true);
    store.holdWrites();
    const held = store.write(batch({ readings: [reading()] }));
    await store.close();
    await store.close();

    await expect(held).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.write(batch({ readings: [reading()] }))).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
    expect(store.isClosed).toBe(true);
  });
});
