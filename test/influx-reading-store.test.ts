import type { Arrival, Reading } from '@hydro/domain';
import { InfluxReadingStore } from '@hydro/ingestion/store/influx';
import { StoreRejectedError, StoreUnavailableError, type StoredDeadLetter, type TelemetryBatch } from '@hydro/ingestion/store/reading-store';
import { InfluxServer } from './support/influxdb-server';

/**
 * InfluxReadingStore against a real InfluxDB 1.6 (influxd): what only InfluxDB has (retention policies, field
 * types, a dropped database, the server going away). What every store must do is in test/store-contract.test.ts.
 */

const T0 = Date.UTC(2023, 5, 15, 8, 0, 0, 0);
const MIN = 60_000;

const reading = (over: Partial<Reading> = {}): Reading => ({
  stationId: '70601234',
  element: 'water_level',
  observedAt: T0,
  value: 3.25,
  quality: 'good',
  ...over,
});
const arrival = (over: Partial<Arrival> = {}): Arrival => ({
  stationId: '70601234',
  channel: 'cellular',
  observedAt: T0,
  receivedAt: T0 + 2_500,
  onSchedule: true,
  ...over,
});
const letter = (over: Partial<StoredDeadLetter> = {}): StoredDeadLetter => ({
  receivedAt: T0 + 7,
  topic: 'hydro/70601234/telemetry',
  payload: '{"readings":{"water_level":"3,5"}}',
  reason: 'invalid_value',
  detail: 'readings.water_level: "3,5" is not a number',
  serial: 10_000,
  ...over,
});
const batch = (over: Partial<TelemetryBatch>): TelemetryBatch => ({ readings: [], arrivals: [], deadLetters: [], ...over });

describe('InfluxReadingStore on InfluxDB 1.6', () => {
  let server: InfluxServer;
  const stores: InfluxReadingStore[] = [];
  let databases = 0;

  /** A store on a database of its own, so tests do not see each other's points. */
  async function freshStore(extra: { retentionPolicy?: { name: string; duration: string } } = {}): Promise<InfluxReadingStore> {
    databases += 1;
    const store = new InfluxReadingStore({ url: server.url, database: `hydro_test_${databases}`, ...extra });
    stores.push(store);
    await store.prepare();
    return store;
  }

  beforeAll(async () => {
    server = await InfluxServer.start();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server?.dispose();
  });

  it('creates the optional retention policy as the default, twice without harm, and writes through it', async () => {
    const store = await freshStore({ retentionPolicy: { name: 'two_years', duration: '104w' } });
    await store.prepare();
    const answer = await server.query(`SHOW RETENTION POLICIES ON "hydro_test_${databases}"`);
    const rows = answer.results?.[0]?.series?.[0]?.values ?? [];
    expect(rows).toContainEqual(['two_years', '17472h0m0s', expect.any(String), 1, true]);
    // 2023 is already outside a 104-week policy; a future time is inside it whenever the test runs.
    const recent = reading({ observedAt: Date.UTC(2099, 0, 1) });
    await store.write(batch({ readings: [recent] }));
    await expect(store.readings({})).resolves.toEqual([recent]);
  });

  it('stores an integral value as float, so 3 then 3.5 raise no type conflict', async () => {
    const store = await freshStore();
    await store.write(batch({ readings: [reading({ value: 3 })] }));
    await store.write(batch({ readings: [reading({ value: 3.5, observedAt: T0 + MIN })] }));
    expect((await store.readings({})).map((r) => r.value)).toEqual([3, 3.5]);
    const fields = await server.query('SHOW FIELD KEYS FROM "reading"', `hydro_test_${databases}`);
    expect(fields.results?.[0]?.series?.[0]?.values).toContainEqual(['value', 'float']);
  });

  it('rejects a field type conflict with InfluxDB’s message', async () => {
    const store = await freshStore();
    // Field types are fixed per shard in 1.x, so the conflicting integer goes into the same week as T0.
    await server.write(`hydro_test_${databases}`, `reading,element=flow,station=70601234 value=1i ${T0 + 1}`, 'ms');
    const failure = store.write(batch({ readings: [reading({ element: 'flow' })] }));
    await expect(failure).rejects.toThrow(StoreRejectedError);
    await expect(failure).rejects.toThrow(/field type conflict.*The other points of the request were stored/);
  });

  it('re-creates a dropped database on the next write', async () => {
    const store = await freshStore();
    await server.query(`DROP DATABASE "hydro_test_${databases}"`);
    await store.write(batch({ readings: [reading()] }));
    expect(await store.countReadings({})).toBe(1);
  });

  it('is unavailable while influxd is down and writes the same batch after a restart', async () => {
    const store = await freshStore();
    const pending = batch({ readings: [reading({ value: 9.75 })], arrivals: [arrival()], deadLetters: [letter()] });
    await server.kill();
    await expect(store.write(pending)).rejects.toThrow(StoreUnavailableError);
    await expect(store.ping()).resolves.toBe(false);
    await expect(store.countReadings({})).rejects.toThrow(StoreUnavailableError);
    await server.restart();
    await expect(store.ping()).resolves.toBe(true);
    await store.write(pending);
    expect(await store.readings({})).toEqual(pending.readings);
    expect(await store.arrivals({})).toEqual(pending.arrivals);
    expect(await store.deadLetters({})).toEqual(pending.deadLetters);
  });
});
