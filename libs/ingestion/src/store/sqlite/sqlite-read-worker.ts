import { parentPort, workerData } from 'node:worker_threads';
import Sqlite, { type Database } from 'better-sqlite3';
import { type SqliteRead, SqliteReader } from './sqlite-reader';

/**
 * The entry of the SQLite store's read thread (sqlite-read-thread.ts). It opens the store's file read-only
 * and answers each read with its rows, or with what failed. WAL lets it read while the main thread writes:
 * each statement sees every transaction committed before it began.
 */

/** What the thread answers to read `id`. */
export type SqliteReadReply =
  | { readonly id: number; readonly rows: unknown[] }
  | { readonly id: number; readonly failure: { readonly name: string; readonly message: string; readonly code?: string } };

export interface SqliteReadRequest {
  readonly id: number;
  readonly read: SqliteRead;
}

/** Short: a reader waits on a lock only while a writer recovers the WAL, and this thread may wait without harm. */
const BUSY_TIMEOUT_MS = 1_000;

const { file } = workerData as { readonly file: string };
let reader: { readonly db: Database; readonly reader: SqliteReader } | undefined;

parentPort?.on('message', ({ id, read }: SqliteReadRequest) => {
  let reply: SqliteReadReply;
  try {
    reader ??= open();
    reply = { id, rows: reader.reader.read(read) };
  } catch (error) {
    reply = { id, failure: failureOf(error) };
  }
  parentPort?.postMessage(reply);
});

function open(): { readonly db: Database; readonly reader: SqliteReader } {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  return { db, reader: new SqliteReader(db) };
}

/** An error as plain data: better-sqlite3's `code` (SQLITE_…) does not survive postMessage on its own. */
function failureOf(error: unknown): { name: string; message: string; code?: string } {
  const { name, message, code } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
