import { runInNewContext } from 'node:vm';
import { StoreRejectedError, StoreUnavailableError } from '../reading-store';
import { classifySqliteFailure } from './sqlite-errors';

/** better-sqlite3's SqliteError carries the extended result code in `code`. */
function sqliteError(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('classifySqliteFailure', () => {
  it.each(['SQLITE_CONSTRAINT_NOTNULL', 'SQLITE_CONSTRAINT_CHECK', 'SQLITE_CONSTRAINT_DATATYPE', 'SQLITE_MISMATCH', 'SQLITE_TOOBIG'])(
    'rejects the content on %s',
    (code) => {
      expect(classifySqliteFailure(sqliteError(code), '/data/hydro.sqlite', 'a write')).toBeInstanceOf(StoreRejectedError);
    },
  );

  it.each(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_CORRUPT', 'SQLITE_ERROR'])(
    'calls %s unavailable, naming the file',
    (code) => {
      const error = classifySqliteFailure(sqliteError(code, 'disk I/O error'), '/data/hydro.sqlite', 'a write');
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect(error.message).toBe(`SQLite could not take a write in /data/hydro.sqlite (${code}: disk I/O error)`);
    },
  );

  it('rejects a value better-sqlite3 cannot bind at all', () => {
    const error = classifySqliteFailure(new TypeError('SQLite3 can only bind numbers, strings, bigints, buffers, and null'), 'f', 'a write');
    expect(error).toBeInstanceOf(StoreRejectedError);
  });

  it('calls a closed connection and anything unknown unavailable', () => {
    expect(classifySqliteFailure(new TypeError('The database connection is not open'), 'f', 'a read')).toBeInstanceOf(StoreUnavailableError);
    expect(classifySqliteFailure(new Error('something else'), 'f', 'a read')).toBeInstanceOf(StoreUnavailableError);
  });

  it('sorts an error made in another realm by its code and name, as better-sqlite3 hands them to a second test file', () => {
    const busy: unknown = runInNewContext('Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })');
    expect(busy instanceof Error).toBe(false);
    expect(classifySqliteFailure(busy, 'f', 'a write')).toEqual(new StoreUnavailableError('SQLite could not take a write in f (SQLITE_BUSY: database is locked)'));
    const unbindable: unknown = runInNewContext('new TypeError("SQLite3 can only bind numbers")');
    expect(classifySqliteFailure(unbindable, 'f', 'a write')).toBeInstanceOf(StoreRejectedError);
  });

  it('passes store errors through unchanged', () => {
    const rejected = new StoreRejectedError('already sorted');
    expect(classifySqliteFailure(rejected, 'f', 'a write')).toBe(rejected);
  });
});
