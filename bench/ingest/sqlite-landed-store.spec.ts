import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import type { Reading } from '@hydro/domain';
import Sqlite from 'better-sqlite3';
import { SqliteReadingStore } from '../../libs/ingestion/src/store/sqlite';
import { SqliteLandedStore, sqliteTarget } from './sqlite-landed-store';
import type { SamplePoint } from './workload';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-landed-'));
  dirs.push(dir);
  return join(dir, 'hydro.sqlite');
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const AT = Date.parse('2023-09-21T08:00:00+08:00');
const reading = (stationId: string, element: Reading['element'], observedAt: number): Reading => ({ stationId, element, observedAt, value: 1.5, quality: 'good' });
const STORED: readonly Reading[] = [reading('70110200', 'water_level', AT), reading('70110200', 'rainfall', AT), reading('70110300', 'water_level', AT + 300_000)];

/** The ingestor's side: its own store, prepared and written as the drain does. */
async function ingestorStore(file: string, readings: readonly Reading[] = STORED): Promise<SqliteReadingStore> {
  const store = new SqliteReadingStore({ file });
  await store.prepare();
  await store.write({
    readings,
    arrivals: readings.map((r) => ({ stationId: r.stationId, channel: 'cellular', observedAt: r.observedAt, receivedAt: r.observedAt + 2_000, onSchedule: true })),
    deadLetters: [{ serial: 10_000, reason: 'malformed_json', topic: 'hydro/70110200/telemetry', payload: '{', detail: 'not JSON', receivedAt: AT }],
  });
  return store;
}

describe('SqliteLandedStore', () => {
  it('counts the readings, arrivals and dead letters the ingestor wrote', async () => {
    const file = tempFile();
    const writer = await ingestorStore(file);
    const landed = new SqliteLandedStore(file);
    const distinctArrivals = new Set(STORED.map((r) => `${r.stationId} ${r.observedAt}`)).size;
    await expect(landed.countReadings()).resolves.toBe(STORED.length);
    await expect(landed.countArrivals()).resolves.toBe(distinctArrivals);
    await expect(landed.countDeadLetters()).resolves.toBe(1);
    await landed.dispose();
    await writer.close();
  });

  const stored = STORED[0] as Reading;
  it.each<[string, boolean, Partial<SamplePoint>]>([
    ['the exact identity', true, {}],
    ['one ms later', false, { observedAt: stored.observedAt + 1 }],
    ['one ms earlier', false, { observedAt: stored.observedAt - 1 }],
    ['another element of the same station and time', false, { element: 'flow' }],
    ['another station with the same element and time', false, { stationId: '70110201' }],
  ])('looks a sample up by its exact identity: %s → landed %s', async (_what, expected, change) => {
    const file = tempFile();
    const writer = await ingestorStore(file);
    const landed = new SqliteLandedStore(file);
    const sample: SamplePoint = { index: 7, stationId: stored.stationId, element: stored.element, observedAt: stored.observedAt, ...change };
    const seen = await landed.landed([sample]);
    expect(seen.has(7)).toBe(expected);
    await landed.dispose();
    await writer.close();
  });

  it('answers for each sample of a batch by its own index', async () => {
    const file = tempFile();
    const writer = await ingestorStore(file);
    const landed = new SqliteLandedStore(file);
    const samples: SamplePoint[] = STORED.map((r, i) => ({ index: i * 100, stationId: r.stationId, element: r.element, observedAt: r.observedAt }));
    const missing: SamplePoint = { index: 999, stationId: '70110200', element: 'water_level', observedAt: AT + 600_000 };
    const seen = await landed.landed([...samples, missing]);
    expect([...seen].sort((a, b) => a - b)).toEqual(samples.map((s) => s.index));
    await landed.dispose();
    await writer.close();
  });

  it('fails, naming the file, and leaves it uncreated until the ingestor has made it; then reads it', async () => {
    const file = tempFile();
    const landed = new SqliteLandedStore(file);
    await expect(landed.countReadings()).rejects.toThrow(file);
    expect(existsSync(file)).toBe(false);
    const writer = await ingestorStore(file);
    await expect(landed.countReadings()).resolves.toBe(STORED.length);
    await landed.dispose();
    await writer.close();
  });

  it('reads beside an open write transaction without waiting, and sees its rows only once committed', async () => {
    const file = tempFile();
    const writer = await ingestorStore(file);
    const landed = new SqliteLandedStore(file);
    await landed.countReadings();
    const other = new Sqlite(file, { timeout: 0 });
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO reading (station, element, observed_at, value, quality) VALUES ('70110400', 'rainfall', ?, 0.5, 'good')").run(AT);
    const started = performance.now();
    await expect(landed.countReadings()).resolves.toBe(STORED.length);
    expect(performance.now() - started).toBeLessThan(500);
    other.exec('COMMIT');
    await expect(landed.countReadings()).resolves.toBe(STORED.length + 1);
    other.close();
    await landed.dispose();
    await writer.close();
  });
});

describe('sqliteTarget', () => {
  it('starts the ingestor with INFLUX_URL empty, which it reads as unset, whatever the bench inherited', () => {
    const choice = sqliteTarget().choose('any');
    expect(choice.influxUrl).toBeUndefined();
    expect(choice.env['INFLUX_URL']).toBe('');
  });

  it('looks for hydro.sqlite in the ingestor’s DATA_DIR', () => {
    const dataDir = join(tmpdir(), 'hydro-ingestor-x');
    const store = sqliteTarget().open('any', dataDir);
    expect(store).toBeInstanceOf(SqliteLandedStore);
    expect((store as SqliteLandedStore).file).toBe(join(dataDir, 'hydro.sqlite'));
  });
});
