import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Sqlite, { type Database } from 'better-sqlite3';
import { StoreUnavailableError } from '../reading-store';
import { SqliteFileError, errorMessage, sqliteCode } from './sqlite-errors';
import { APPLICATION_ID, NewerSchemaError, SCHEMA_VERSION, userVersion } from './sqlite-migrations';

/**
 * Opening the store's file without ever harming what is in it. Every check that can refuse the file runs
 * before the first write to it (setting WAL mode writes the header): a file that is not SQLite, is damaged,
 * belongs to another program or was written by a newer release is refused with its name, and left as it was.
 */

/** Which file is open: compared on ping() and write() to notice a file deleted or replaced under us. */
export interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
}

export interface OpenedFile {
  readonly db: Database;
  readonly identity: FileIdentity;
}

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * How long a statement waits for a lock held by another process before SQLITE_BUSY. better-sqlite3 is
 * synchronous, so this blocks the event loop (its default, 5 s, would stall MQTT acknowledgements): keep it
 * short and let the drain's backoff do the waiting.
 */
const BUSY_TIMEOUT_MS = 250;

/**
 * Durability. WAL with synchronous=FULL fsyncs the WAL on every commit; NORMAL fsyncs only at checkpoints.
 * NORMAL survives a crash of this process (the WAL is in the OS cache), but not a power cut or kernel panic:
 * the last commits could vanish although write() had resolved, and the drain advances the journal checkpoint
 * as soon as write() resolves, so the journal would not replay them. Measured (throwaway script, WAL,
 * ext4 on a shared virtual disk under load average 3-10; medians of 300/200/40 transactions, 4 runs):
 * 1-row write NORMAL 0.01-0.02 ms vs FULL 0.15-4 ms; 100 rows 0.5-1.3 ms vs 2.5-4 ms; 5,000 rows
 * 47-112 ms vs 33-87 ms (noise hides the fsync). So FULL costs one fdatasync, at most a few ms, per drain
 * batch: small enough to buy durability the checkpoint can rely on.
 */
const SYNCHRONOUS = 'FULL';

/** Opens (or creates, if missing) the store's file, refusing foreign, damaged or newer files. */
export function openStoreFile(file: string): OpenedFile {
  refuseForeignBytes(file);
  let db: Database;
  try {
    db = new Sqlite(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new StoreUnavailableError(`cannot open the SQLite store ${file}: ${describe(error)}`);
  }
  try {
    refuseUnlessOurs(db, file);
    configure(db, file);
    return { db, identity: identityOf(file) };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The identity of the file now at `file`, or undefined if there is none. */
export function currentIdentity(file: string): FileIdentity | undefined {
  try {
    return identityOf(file);
  } catch {
    return undefined;
  }
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** Reads the first bytes only; a missing or empty file is fine (SQLite makes it a new database). */
function refuseForeignBytes(file: string): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new StoreUnavailableError(`cannot read the SQLite store ${file}: ${describe(error)}`);
  }
  try {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const length = readSync(fd, head, 0, head.length, 0);
    if (length > 0 && (length < head.length || !head.equals(SQLITE_MAGIC))) {
      throw new SqliteFileError(
        `${file} is not an SQLite database (it does not start with "SQLite format 3"). It was left untouched: ` +
          'move it away, or point the store at another file; do not delete it before checking what it is',
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the header (version, application id) and the schema list, which fails on a damaged first page.
 * Damage deeper in the file is found when a statement reaches it (SQLITE_CORRUPT, then StoreUnavailableError
 * naming the file): a full integrity check would read every page of a possibly large file at each start.
 */
function refuseUnlessOurs(db: Database, file: string): void {
  let version: number;
  let applicationId: number;
  let tables: number;
  try {
    version = userVersion(db);
    applicationId = db.pragma('application_id', { simple: true }) as number;
    tables = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get()?.n ?? 0;
  } catch (error) {
    const code = sqliteCode(error);
    if (code !== undefined && /^SQLITE_(NOTADB|CORRUPT)/.test(code)) {
      throw new SqliteFileError(
        `${file} is damaged or not an SQLite database (${code}: ${describe(error)}). It was left untouched: ` +
          'restore it from a backup or move it away; the readings not yet stored wait in the journal',
      );
    }
    throw new StoreUnavailableError(`cannot read the SQLite store ${file}: ${describe(error)}`);
  }
  const ours = applicationId === APPLICATION_ID;
  if ((version > 0 && !ours) || (version === 0 && (applicationId !== 0 || tables > 0))) {
    throw new SqliteFileError(
      `${file} is an SQLite database of another program (application_id ${applicationId}, user_version ${version}, ` +
        `${tables} tables). It was left untouched: point the store at another file`,
    );
  }
  // Refused here as well as in migrate(): before configure() writes WAL mode into the header.
  if (version > SCHEMA_VERSION) throw new NewerSchemaError(file, version);
}

function configure(db: Database, file: string): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') throw new StoreUnavailableError(`SQLite kept ${file} in journal mode ${String(mode)}, not WAL`);
  db.pragma(`synchronous = ${SYNCHRONOUS}`);
}

function identityOf(file: string): FileIdentity {
  const { dev, ino } = statSync(file);
  return { dev, ino };
}

function describe(error: unknown): string {
  return errorMessage(error);
}
