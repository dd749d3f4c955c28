import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import Sqlite from 'better-sqlite3';
import { describeEventLogContract } from '../event-log.contract';
import { StoreUnavailableError } from '../reading-store';
import { SqliteEventLog } from './sqlite-event-log';
import { SqliteReadingStore } from './sqlite-reading-store';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hydro-events-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeEventLogContract('SqliteEventLog', async () => {
  const dir = tempDir();
  const file = join(dir, 'hydro.sqlite');
  const log = new SqliteEventLog({ file });
  return {
    log,
    reopen: async () => new SqliteEventLog({ file }),
    cleanup: async () => {
      await log.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const T0 = Date.UTC(2023, 8, 21, 2, 5, 0);

describe('SqliteEventLog and its file', () => {
  const opened: { close(): Promise<void> }[] = [];
  const track = <T extends { close(): Promise<void> }>(each: T): T => {
    opened.push(each);
    return each;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((each) => each.close()));
  });

  it('shares the reading store’s file: both prepare it, in either order, and each keeps its data', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const log = track(new SqliteEventLog({ file }));
    await log.prepare();
    const store = track(new SqliteReadingStore({ file }));
    await store.prepare();
    const reading = { stationId: '70100001', element: 'water_level', observedAt: T0, value: 3.42, quality: 'good' } as const;
    await store.write({ readings: [reading], arrivals: [], deadLetters: [] });
    await log.append('alerts', [{ at: T0, body: { level: 'yellow' } }]);
    await store.close();
    expect(await log.read('alerts')).toEqual([{ stream: 'alerts', seq: 1, at: T0, body: { level: 'yellow' } }]);

    const again = track(new SqliteReadingStore({ file }));
    await again.prepare();
    expect(await again.readings({})).toEqual([reading]);
  });

  it('is unavailable while another connection holds the write lock, consuming no seq, and appends once it is released', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const log = track(new SqliteEventLog({ file }));
    await log.prepare();
    await log.append('audit', [{ at: T0, body: { n: 1 } }]);
    const other = new Sqlite(file);
    other.exec('BEGIN IMMEDIATE');
    await expect(log.append('audit', [{ at: T0, body: { n: 2 } }])).rejects.toThrow(StoreUnavailableError);
    await expect(log.append('audit', [{ at: T0, body: { n: 2 } }])).rejects.toThrow(/SQLITE_BUSY/);
    expect(log.lastSeq('audit')).toBe(1);
    other.exec('ROLLBACK');
    other.close();
    expect((await log.append('audit', [{ at: T0, body: { n: 2 } }])).map((e) => e.seq)).toEqual([2]);
  });

  it('numbers after the file’s own last seq, even if another writer appended meanwhile', async () => {
    const file = join(tempDir(), 'hydro.sqlite');
    const first = track(new SqliteEventLog({ file }));
    const second = track(new SqliteEventLog({ file }));
    await first.prepare();
    await second.prepare();
    await first.append('tokens', [{ at: T0, body: { by: 'first' } }]);
    expect((await second.append('tokens', [{ at: T0, body: { by: 'second' } }])).map((e) => e.seq)).toEqual([2]);
    expect(second.lastSeq('tokens')).toBe(2);
    expect((await first.read('tokens')).map((e) => [e.seq, e.body['by']])).toEqual([
      [1, 'first'],
      [2, 'second'],
    ]);
  });
});
