import { join } from 'node:path';
import Sqlite, { type Database, type Statement } from 'better-sqlite3';
import type { LandedStore, StoreChoice, StoreTarget } from './landed-store';
import type { SamplePoint } from './workload';

/**
 * Every statement the bench sends to the ingestor's SQLite file. Counts walk the smallest b-tree of
 * the table (SQLite counts cells per page without decoding rows); a sample is one primary-key seek.
 */
export const LANDED_SQL = {
  readings: 'SELECT count(*) AS n FROM reading',
  arrivals: 'SELECT count(*) AS n FROM arrival',
  deadLetters: 'SELECT count(*) AS n FROM dead_letter',
  sample: 'SELECT count(*) AS n FROM reading WHERE station = ? AND element = ? AND observed_at = ?',
} as const;

/** A reader never waits long: in WAL mode it is only held up while a writer restarts the WAL. */
const BUSY_TIMEOUT_MS = 1000;

interface Reader {
  readonly db: Database;
  readonly readings: Statement<[], { n: number }>;
  readonly arrivals: Statement<[], { n: number }>;
  readonly deadLetters: Statement<[], { n: number }>;
  readonly sample: Statement<[string, string, number], { n: number }>;
}

/**
 * The ingestor's embedded store, read by the bench through its own read-only connection. WAL lets
 * it read beside the ingestor's writes without blocking them; each statement is its own short read
 * transaction (a sample batch shares one), so the ingestor's checkpoints are held back only for its
 * length. The queries run synchronously in the bench's process, on the machine's cores, not in the
 * ingestor. The file is opened on first use, and again after a failure: it appears only once the
 * ingestor has prepared its store.
 */
export class SqliteLandedStore implements LandedStore {
  readonly kind = 'SQLite';
  /** SQLite runs inside the ingestor: its CPU is the ingestor's. */
  readonly processes: Readonly<Record<string, readonly number[]>> = {};
  private reader: Reader | undefined;

  constructor(readonly file: string) {}

  async countReadings(): Promise<number> {
    return this.read((r) => r.readings.get()?.n ?? 0);
  }

  async countArrivals(): Promise<number> {
    return this.read((r) => r.arrivals.get()?.n ?? 0);
  }

  async countDeadLetters(): Promise<number> {
    return this.read((r) => r.deadLetters.get()?.n ?? 0);
  }

  async landed(samples: readonly SamplePoint[]): Promise<ReadonlySet<number>> {
    return this.read((r) => {
      const lookUp = r.db.transaction((): Set<number> => {
        const seen = new Set<number>();
        for (const s of samples) if ((r.sample.get(s.stationId, s.element, s.observedAt)?.n ?? 0) === 1) seen.add(s.index);
        return seen;
      });
      return lookUp.deferred();
    });
  }

  async dispose(): Promise<void> {
    this.close();
  }

  private read<T>(query: (reader: Reader) => T): T {
    try {
      this.reader ??= openReader(this.file);
      return query(this.reader);
    } catch (error) {
      this.close();
      throw new Error(`could not read ${this.file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }

  private close(): void {
    this.reader?.db.close();
    this.reader = undefined;
  }
}

function openReader(file: string): Reader {
  const db = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  try {
    return {
      db,
      readings: db.prepare<[], { n: number }>(LANDED_SQL.readings),
      arrivals: db.prepare<[], { n: number }>(LANDED_SQL.arrivals),
      deadLetters: db.prepare<[], { n: number }>(LANDED_SQL.deadLetters),
      sample: db.prepare<[string, string, number], { n: number }>(LANDED_SQL.sample),
    };
  } catch (error) {
    // Tables not there yet (the ingestor migrates right after creating the file): try again next time.
    db.close();
    throw error;
  }
}

/** The embedded store as the ingestor's: INFLUX_URL empty (read as unset), so `hydro.sqlite` in its DATA_DIR. */
export function sqliteTarget(): StoreTarget {
  return {
    kind: 'SQLite',
    // Empty, not absent: the ingestor inherits the bench's environment, which might set INFLUX_URL.
    choose: (): StoreChoice => ({ env: { INFLUX_URL: '' } }),
    open: (_tag, dataDir) => new SqliteLandedStore(join(dataDir, 'hydro.sqlite')),
  };
}
