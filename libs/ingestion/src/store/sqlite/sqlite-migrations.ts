import type { Database } from 'better-sqlite3';
import { SqliteFileError } from './sqlite-errors';

/**
 * The schema of the SQLite store, as an ordered list of migrations. The file's version is SQLite's
 * `user_version` (in the database header): 0 for a new file, then the version of the last migration run.
 * Rules: a migration, once released, is never edited; a change is a new migration at the end of the list;
 * a migration only adds or reshapes, it never drops data. docs/storage.md describes the tables.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

/**
 * Marks the file as ours (`application_id` in the header; "HYDR" in ASCII), so that another program's
 * SQLite database named by mistake is refused instead of getting our tables added to it.
 */
export const APPLICATION_ID = 0x48594452;

/** The largest double: `value` must lie within it, so infinities are refused (NaN binds as NULL). */
const FINITE = 'BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308';

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tables keyed by the identities of readings, arrivals and dead letters',
    sql: `
      CREATE TABLE reading (
        station     TEXT    NOT NULL,
        element     TEXT    NOT NULL,
        observed_at INTEGER NOT NULL,
        value       REAL    NOT NULL CHECK (value ${FINITE}),
        quality     TEXT    NOT NULL CHECK (quality IN ('good', 'suspect')),
        qc          TEXT,
        PRIMARY KEY (station, element, observed_at)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE arrival (
        station     TEXT    NOT NULL,
        channel     TEXT    NOT NULL,
        observed_at INTEGER NOT NULL,
        received_at INTEGER NOT NULL,
        PRIMARY KEY (station, channel, observed_at)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE dead_letter (
        serial      INTEGER PRIMARY KEY,
        reason      TEXT    NOT NULL,
        topic       TEXT    NOT NULL,
        payload     TEXT    NOT NULL,
        detail      TEXT    NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 2,
    description: 'indexes for time-range queries across stations and for dead letters by reason',
    sql: `
      CREATE INDEX reading_by_time ON reading (observed_at, station, element);
      CREATE INDEX arrival_by_time ON arrival (observed_at, station, channel);
      CREATE INDEX dead_letter_by_time ON dead_letter (received_at, serial);
      CREATE INDEX dead_letter_by_reason ON dead_letter (reason, received_at, serial);
    `,
  },
  {
    version: 3,
    description: 'whether an arrival is a timed report, and an index to count those per station for the arrival rate',
    // Arrivals stored before have no flag to go by: they count as on schedule. The CHECK is verified
    // against every existing row, and the index is built over them: one pass over the table, once.
    sql: `
      ALTER TABLE arrival ADD COLUMN on_schedule INTEGER NOT NULL DEFAULT 1 CHECK (on_schedule IN (0, 1));
      CREATE INDEX arrival_on_schedule ON arrival (station, observed_at) WHERE on_schedule = 1;
    `,
  },
  {
    version: 4,
    description: 'the event log: alert transitions, maintenance, audit and tokens, each stream numbered from 1',
    sql: `
      CREATE TABLE event (
        stream TEXT    NOT NULL,
        seq    INTEGER NOT NULL CHECK (seq >= 1),
        at     INTEGER NOT NULL,
        body   TEXT    NOT NULL,
        PRIMARY KEY (stream, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE INDEX event_by_time ON event (stream, at, seq);
    `,
  },
];

/** The version this code writes and understands. */
export const SCHEMA_VERSION = MIGRATIONS.reduce((latest, m) => Math.max(latest, m.version), 0);

export function userVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** A file written by a newer release: opening it here could corrupt what that release relies on. */
export class NewerSchemaError extends SqliteFileError {
  override readonly name = 'NewerSchemaError';

  constructor(file: string, found: number) {
    super(
      `${file} has schema version ${found}, newer than version ${SCHEMA_VERSION} that this release knows: ` +
        'it was written by a newer release. Run that release, or restore a backup taken before the upgrade; ' +
        'do not delete or overwrite the file, it holds the stored readings',
    );
  }
}

/**
 * Runs the migrations the file lacks, up to `target` (default: all), in one IMMEDIATE transaction: the
 * write lock is taken before the version is read, so two processes cannot both migrate, and a failure
 * leaves the file at its old version with nothing half-done (DDL and `user_version` are transactional).
 * Returns the versions that ran.
 */
export function migrate(db: Database, file: string, target = SCHEMA_VERSION): number[] {
  const run = db.transaction((): number[] => {
    const current = userVersion(db);
    if (current > SCHEMA_VERSION) throw new NewerSchemaError(file, current);
    const pending = [...MIGRATIONS].sort((a, b) => a.version - b.version).filter((m) => m.version > current && m.version <= target);
    for (const migration of pending) {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
    if (current === 0 && pending.length > 0) db.pragma(`application_id = ${APPLICATION_ID}`);
    return pending.map((m) => m.version);
  });
  return run.immediate();
}
