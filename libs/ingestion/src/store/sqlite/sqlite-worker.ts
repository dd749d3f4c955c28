import { parentPort, workerData } from 'node:worker_threads';
import Sqlite, { type Database } from 'better-sqlite3';
import { type EventAppender, eventAppender } from './sqlite-event-appender';
import { SqliteReader } from './sqlite-reader';
import type { SqliteFailure, SqliteReply, SqliteRequest, SqliteThreadRole } from './sqlite-work';
import { type BatchWriter, batchWriter } from './sqlite-writer';

/**
 * The entry of an SQLite thread (sqlite-thread.ts). A `read` thread opens the store's file read-only and
 * answers reads with their rows; a `write` thread opens it for writing and runs batch writes and event
 * appends, each one transaction, fsynced before it answers (synchronous=FULL is a setting of the
 * connection, so it is set here again). WAL lets the threads and the main thread's connection share the
 * file: each statement sees every transaction committed before it began. Imports only better-sqlite3 and
 * the store's own SQL: the thread starts in a fraction of a second and never loads the domain library.
 */

/**
 * A thread may wait for a lock without holding anything else up: long enough to outlast the other
 * writer's transaction (a 250-point part, an append: milliseconds, more on a slow disk). A lock held
 * longer (an operator's shell in a write transaction) turns into SQLITE_BUSY, StoreUnavailableError for
 * the caller, and the drain's backoff or the alert log's retry does the waiting.
 */
const BUSY_TIMEOUT_MS = 1_000;

interface Connection {
  readonly db: Database;
  readonly reader: SqliteReader;
  writer?: BatchWriter;
  appender?: EventAppender;
}

const { file, role } = workerData as { readonly file: string; readonly role: SqliteThreadRole };
let connection: Connection | undefined;

parentPort?.on('message', (request: SqliteRequest) => {
  let reply: SqliteReply;
  try {
    reply = { id: request.id, value: run(request) };
  } catch (error) {
    reply = { id: request.id, failure: failureOf(error) };
  }
  parentPort?.postMessage(reply);
});

function run({ work }: SqliteRequest): unknown {
  const open = (connection ??= opened());
  switch (work.op) {
    case 'read':
      return open.reader.read(work.read);
    case 'write':
      (open.writer ??= batchWriter(open.db))(work.batch);
      return null;
    case 'append':
      return (open.appender ??= eventAppender(open.db))(work.stream, work.events);
  }
}

function opened(): Connection {
  const db = new Sqlite(file, { readonly: role === 'read', fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    if (role === 'write') db.pragma('synchronous = FULL');
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, reader: new SqliteReader(db) };
}

/** An error as plain data: better-sqlite3's `code` (SQLITE_…) does not survive postMessage on its own. */
function failureOf(error: unknown): SqliteFailure {
  const { name, message, code } = (typeof error === 'object' && error !== null ? error : {}) as { name?: unknown; message?: unknown; code?: unknown };
  return {
    name: typeof name === 'string' ? name : 'Error',
    message: typeof message === 'string' ? message : String(error),
    ...(typeof code === 'string' ? { code } : {}),
  };
}
