import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reading } from '@hydro/domain';
import Sqlite from 'better-sqlite3';
import { describeReadingStoreContract } from '../reading-store.contract';
import { StoreRejectedError, StoreUnavailableError, type TelemetryBatch } from '../reading-store';
import { SqliteFileError } from './sqlite-errors';
import { APPLICATION_ID, MIGRATIONS, NewerSchemaError, SCHEMA_VERSION, migrate } from './sqlite-migrations';
import { type Params, arrivalCounts } from './sqlite-queries';
import { SqliteReadingStore } from './sqlite-reading-store';
import { TELEMETRY_PIPELINE_DEFAULTS } from '../../telemetry-pipeline';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hydro-sqlite-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeReadingStoreContract('SqliteReadingStore', async () => {
  const dir = tempDir();
  const store = new SqliteReadingStore({ file: join(dir, 'hydro.sqlite') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const T0 = Date.UTC(2023, 5, 15, 8, 0, 0);
const reading: Reading = { stationId: '70601234', element: 'water_level', observedAt: T0, value: 3.25, quality: 'good' };
const batch: TelemetryBatch = { readings: [reading], arrivals: [], deadLetters: [] };

describe('SqliteReadingStore and its file', () => {
  const stores: SqliteReadingStore[] = [];
  const storeAt = (file: string): SqliteReadingStore => {
    const store = new SqliteReadingStore({ file });
    stores.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  /** A file at `version` made by the code itself, the way an older release left it. */
  function fileAtVersion(file: string, version: number): void {
    const db = new Sqlite(file);
    migrate(db, file, version);
    db.close();
  }

  it('asks the drain to split a default batch: a write of SQLite holds the event loop', () => {
    const store = new SqliteReadingStore({ file: join(tempDir(), 'hydro.sqlite') });
    expect(Number.isInteger(store.pointsPerWrite)).toBe(true);
    expect(store.pointsPerWrite).toBeGreaterThan(0);
    expect(store.pointsPerWrite).toBeLessThan(TELEMETRY_PIPELINE_DEFAULTS.drain.batchSize);
  });

  it('keeps the data across a close and a reopen, in WAL mode', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const first = storeAt(file);
    await first.prepare();
    await first.write(batch);
    await first.close();

    const again = storeAt(file);
    await again.prepare();
    expect(await again.readings({})).toEqual([reading]);
    const db = new Sqlite(file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('migrates a version-1 file to the current version, keeping its rows', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    fileAtVersion(file, 1);
    const old = new Sqlite(file);
    old.prepare("INSERT INTO reading VALUES ('70601234', 'water_level', ?, 3.25, 'good', NULL)").run(T0);
    old.close();

    const store = storeAt(file);
    await store.prepare();
    expect(await store.readings({})).toEqual([reading]);
    const db = new Sqlite(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const indexes = db.prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name").all();
    expect(indexes.map((i) => i.name)).toEqual([
      'arrival_by_time',
      'arrival_on_schedule',
      'dead_letter_by_reason',
      'dead_letter_by_time',
      'event_by_time',
      'reading_by_time',
    ]);
    db.close();
  });

  it('migrates a version-2 file, counting the arrivals it holds as on schedule', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    fileAtVersion(file, 2);
    const old = new Sqlite(file);
    old.prepare("INSERT INTO arrival VALUES ('70601234', 'beidou', ?, ?)").run(T0 + 60_000, T0 + 90_000);
    old.close();

    const store = storeAt(file);
    await store.prepare();
    expect(await store.arrivals({})).toEqual([{ stationId: '70601234', channel: 'beidou', observedAt: T0 + 60_000, receivedAt: T0 + 90_000, onSchedule: true }]);
    expect(await store.arrivalCounts({ from: T0, to: T0 + 3_600_000, every: 3_600_000 })).toEqual([
      { stationId: '70601234', channel: 'any', time: T0, count: 1 },
      { stationId: '70601234', channel: 'beidou', time: T0, count: 1 },
    ]);
  });

  it('counts arrivals by index seeks, never by sorting every arrival of the range', () => {
    const file = join(tempDir(), 'hydro.sqlite');
    fileAtVersion(file, SCHEMA_VERSION);
    const db = new Sqlite(file, { readonly: true });
    for (const stationIds of [undefined, ['70601234']]) {
      const sql = arrivalCounts({ from: T0, to: T0 + 86_400_000, every: 3_600_000, ...(stationIds ? { stationIds } : {}) }, T0, ['cellular', 'beidou']);
      const plan = db.prepare<[Params], { detail: string }>(`EXPLAIN QUERY PLAN ${sql.text}`).all(sql.params).map((row) => row.detail);
      expect(plan).toContain('SEARCH a USING PRIMARY KEY (station=? AND channel=? AND observed_at>? AND observed_at<?)');
      expect(plan).toContain('SEARCH a USING COVERING INDEX arrival_on_schedule (station=? AND observed_at>? AND observed_at<?)');
      expect(plan.filter((step) => /GROUP BY|SCAN a\b/.test(step))).toEqual([]);
    }
    db.close();
  });

  it('refuses a file of a newer schema version, naming the file and both versions, and leaves it as it was', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    fileAtVersion(file, SCHEMA_VERSION);
    const db = new Sqlite(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const before = readFileSync(file);

    const failure = storeAt(file).prepare();
    await expect(failure).rejects.toThrow(NewerSchemaError);
    await expect(failure).rejects.toThrow(`${file} has schema version ${SCHEMA_VERSION + 1}, newer than version ${SCHEMA_VERSION}`);
    await expect(failure).rejects.toThrow(/do not delete or overwrite the file/);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a file that is not SQLite, naming it, and leaves it byte-identical with no files beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'hydro.sqlite');
    const garbage = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 251));
    writeFileSync(file, garbage);

    const failure = storeAt(file).prepare();
    await expect(failure).rejects.toThrow(SqliteFileError);
    await expect(failure).rejects.toThrow(`${file} is not an SQLite database`);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual(['hydro.sqlite']);
  });

  it('refuses a damaged file that starts like SQLite, naming it, and leaves it byte-identical', async () => {
    const dir = tempDir();
    const file = join(dir, 'hydro.sqlite');
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080, 0xab)]);
    writeFileSync(file, damaged);

    const failure = storeAt(file).prepare();
    await expect(failure).rejects.toThrow(SqliteFileError);
    await expect(failure).rejects.toThrow(`${file} is damaged or not an SQLite database`);
    expect(readFileSync(file).equals(damaged)).toBe(true);
  });

  it('refuses another program’s SQLite database instead of adding tables to it', async () => {
    const file = join(tempDir(), 'other.sqlite');
    const db = new Sqlite(file);
    db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)');
    db.close();
    await expect(storeAt(file).prepare()).rejects.toThrow(`${file} is an SQLite database of another program`);
  });

  it('is unavailable before prepare() and after close()', async () => {
    const store = storeAt(join(tempDir(), 'hydro.sqlite'));
    await expect(store.write(batch)).rejects.toThrow(/not prepared/);
    await expect(store.readings({})).rejects.toThrow(StoreUnavailableError);
    expect(await store.ping()).toBe(false);
    await store.prepare();
    await store.close();
    await expect(store.write(batch)).rejects.toThrow(StoreUnavailableError);
    await expect(store.prepare()).rejects.toThrow(/closed/);
    expect(await store.ping()).toBe(false);
  });

  it('stops writing, and pings false, when its file is deleted while open', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const store = storeAt(file);
    await store.prepare();
    expect(await store.ping()).toBe(true);
    unlinkSync(file);
    expect(await store.ping()).toBe(false);
    await expect(store.write(batch)).rejects.toThrow(/deleted or replaced while open/);
    expect(existsSync(file)).toBe(false);
  });

  it('is unavailable while another connection holds the write lock, and writes once it is released', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const store = storeAt(file);
    await store.prepare();
    const other = new Sqlite(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(store.write(batch)).rejects.toThrow(StoreUnavailableError);
    await expect(store.write(batch)).rejects.toThrow(/SQLITE_BUSY/);
    other.exec('ROLLBACK');
    other.close();
    await store.write(batch);
    expect(await store.countReadings({})).toBe(1);
  });

  it('stores a batch whole or not at all when one point is refused', async () => {
    const store = storeAt(join(tempDir(), 'hydro.sqlite'));
    await store.prepare();
    const bad: TelemetryBatch = { readings: [reading, { ...reading, observedAt: T0 + 60_000, value: Number.NaN }], arrivals: [], deadLetters: [] };
    await expect(store.write(bad)).rejects.toThrow(StoreRejectedError);
    expect(await store.countReadings({})).toBe(0);
  });

  it('lists the migrations in version order from 1 without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });
});
