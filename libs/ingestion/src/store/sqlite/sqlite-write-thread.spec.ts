import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { SqliteReadingStore } from './sqlite-reading-store';
import { openWriteThread } from './sqlite-write-thread';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function storeFile(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hydro-write-thread-'));
  dirs.push(dir);
  const store = new SqliteReadingStore({ file: join(dir, 'hydro.sqlite') });
  await store.prepare();
  await store.close();
  return store.file;
}

const level = (minute: number) => ({ stationId: '70100001', element: 'water_level' as const, observedAt: Date.UTC(2024, 6, 20) + minute * 60_000, value: 4.2, quality: 'good' as const });
const batchOf = (...minutes: number[]) => ({ readings: minutes.map(level), arrivals: [], deadLetters: [] });
const event = (at: number) => ({ at, body: JSON.stringify({ type: 'raised', at }) });

function rows(file: string, table: string): number {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('openWriteThread', () => {
  it('gives the users of one file one queue: appends and batch writes asked together are all stored', async () => {
    const file = await storeFile();
    const readings = openWriteThread(file);
    const events = openWriteThread(join(file, '..', '.', 'hydro.sqlite'));
    const firsts = await Promise.all([readings.write(batchOf(0)), events.append('alerts', [event(1)]), readings.write(batchOf(5)), events.append('alerts', [event(2)])]);
    expect(firsts).toEqual([undefined, 1, undefined, 2]);
    expect([rows(file, 'reading'), rows(file, 'event')]).toEqual([2, 2]);
    await Promise.all([readings.release(), events.release()]);
  });

  it('keeps the thread for the other user when one releases, and stops it when the last does', async () => {
    const file = await storeFile();
    const first = openWriteThread(file);
    const second = openWriteThread(file);
    await first.write(batchOf(0));
    await first.release();
    await first.release(); // idempotent: it does not take the second user's hold
    await second.write(batchOf(5));
    await second.release();
    await expect(second.write(batchOf(10))).rejects.toThrow(/is closed/);
    const later = openWriteThread(file);
    await later.write(batchOf(15));
    await later.release();
    expect(rows(file, 'reading')).toBe(3);
  });
});
