import { StoreRejectedError, StoreUnavailableError } from '../reading-store';

/**
 * Sorting SQLite failures like the InfluxDB ones (influx-errors.ts): "may work later"
 * (StoreUnavailableError: the drain keeps the data in the journal and retries) and "will never work"
 * (StoreRejectedError: the drain isolates the refused points as dead letters). When in doubt a failure is
 * "unavailable": keeping good data spooled is cheap, dead-lettering it for a passing fault is not.
 */

/**
 * The file must not be used as our store (not SQLite, damaged, another program's, a newer schema): an
 * operator has to look at it. The store never deletes or overwrites such a file.
 */
export class SqliteFileError extends Error {
  override readonly name: string = 'SqliteFileError';
}

/** The content itself is refused: a constraint (NOT NULL, CHECK, STRICT column type) or a value SQLite cannot hold. */
const REJECTED = /^SQLITE_(CONSTRAINT|MISMATCH|TOOBIG|RANGE)(_|$)/;

/**
 * Which SQLite result codes mean what, for the docs and the tests. Everything not rejected is unavailable:
 * BUSY/LOCKED (another process holds the lock past busy_timeout), IOERR, FULL (disk full), CANTOPEN,
 * READONLY (a file system remounted read-only), NOMEM, CORRUPT/NOTADB (an operator must act; the data waits).
 */
export function isRejectedCode(code: string): boolean {
  return REJECTED.test(code);
}

/**
 * The `SQLITE_…` extended result code of a better-sqlite3 SqliteError, checked structurally: the native
 * addon builds its errors with the constructor that the last loaded copy of its JS wrapper registered
 * (jest loads one copy per test file, each in its own realm), so `instanceof Error` may not hold.
 */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

/** The message of an error from any realm (see sqliteCode). */
export function errorMessage(error: unknown): string {
  const message = typeof error === 'object' && error !== null ? (error as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : String(error);
}

/**
 * Classifies a failed statement or transaction. `what` names the operation, the file is named in the
 * message. better-sqlite3 throws TypeError/RangeError when a value cannot be bound at all (a boolean, an
 * object): that is the content too.
 */
export function classifySqliteFailure(error: unknown, file: string, what: string): StoreUnavailableError | StoreRejectedError {
  if (error instanceof StoreUnavailableError || error instanceof StoreRejectedError) return error;
  const code = sqliteCode(error);
  const message = errorMessage(error);
  if (code !== undefined) {
    return isRejectedCode(code)
      ? new StoreRejectedError(`SQLite refused ${what} (${code}: ${message})`)
      : new StoreUnavailableError(`SQLite could not take ${what} in ${file} (${code}: ${message})`);
  }
  const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if ((name === 'TypeError' || name === 'RangeError') && !/connection is not open/i.test(message)) {
    return new StoreRejectedError(`SQLite could not bind ${what}: ${message}`);
  }
  return new StoreUnavailableError(`SQLite could not take ${what} in ${file}: ${message}`);
}
