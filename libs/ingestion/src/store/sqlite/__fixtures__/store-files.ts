import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reading } from '@hydro/domain';
import Sqlite from 'better-sqlite3';
import { SqliteReadingStore } from '../sqlite-reading-store';

/** Temporary store files for the thread specs; `removeStoreFiles` in afterAll deletes them. */
const dirs: string[] = [];

/** A file with the store's schema, made as the store makes it; the store's own connection then closed. */
export async function storeFile(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hydro-store-file-'));
  dirs.push(dir);
  const store = new SqliteReadingStore({ file: join(dir, 'hydro.sqlite') });
  await store.prepare();
  await store.close();
  return store.file;
}

export function removeStoreFiles(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** The rows of a table, counted on a connection of its own. */
export function rowsIn(file: string, table: string): number {
  const db = new Sqlite(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A water level of one gauge at `minute` past a fixed time. */
export function levelAt(minute: number): Reading {
  return { stationId: '70100001', element: 'water_level', observedAt: Date.UTC(2024, 6, 20) + minute * 60_000, value: 4.2, quality: 'good' };
}
