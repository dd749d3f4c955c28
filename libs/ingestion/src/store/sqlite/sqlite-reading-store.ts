import { type Arrival, type Reading, CHANNELS } from '@hydro/domain';
import type { Database, Statement } from 'better-sqlite3';
import { arrivalCountBuckets } from '../arrival-count-query';
import {
  type ArrivalCount,
  type ArrivalCountQuery,
  type ArrivalQuery,
  type DeadLetterQuery,
  type LatestQuery,
  type ReadingQuery,
  type ReadingStore,
  type SeriesPoint,
  type SeriesQuery,
  type StoredDeadLetter,
  type TelemetryBatch,
  StoreUnavailableError,
} from '../reading-store';
import { SqliteFileError, classifySqliteFailure } from './sqlite-errors';
import { type FileIdentity, currentIdentity, openStoreFile, sameIdentity } from './sqlite-file';
import { migrate } from './sqlite-migrations';
import * as q from './sqlite-queries';
import type { SqliteRead } from './sqlite-reader';
import { toArrival, toArrivalCount, toCount, toDeadLetter, toReading, toSeriesPoint } from './sqlite-rows';
import { SqliteThread } from './sqlite-thread';
import { openWriteThread, type SqliteWriteThread } from './sqlite-write-thread';

export interface SqliteStoreOptions {
  /** The database file, e.g. DATA_DIR/hydro.sqlite; created if missing. `-wal` and `-shm` files sit beside it. */
  readonly file: string;
}

/** What is open once prepare() succeeded. */
interface Connection {
  readonly db: Database;
  readonly identity: FileIdentity;
  readonly ping: Statement<[]>;
}

/**
 * Points per write() the drain is asked to keep to. A write runs in the file's write thread for as long as
 * it takes, about 10-25 µs a point on a busy 2-core machine, and longer when the commit runs a WAL
 * checkpoint; the event log's appends (alert transitions, which the alert stream announces once stored)
 * queue behind it in that thread. A 5,000-point drain batch in one write held it for
 * 30-110 ms; in parts of 250 each holds it a few ms. One fsync per part (synchronous=FULL) costs well
 * under a millisecond there.
 */
export const SQLITE_POINTS_PER_WRITE = 250;

/**
 * ReadingStore in an embedded SQLite file (better-sqlite3), for a centre without InfluxDB. Schema,
 * versions and durability: docs/storage.md, sqlite-migrations.ts, sqlite-file.ts. Each write() is one
 * transaction, stored whole or not at all; the drain keeps writes to SQLITE_POINTS_PER_WRITE points.
 * Reads run in a thread of their own and writes in the file's write thread, shared with the event log
 * (SqliteThread, sqlite-write-thread.ts), so neither a long query nor a commit's fsync holds the event
 * loop; the main thread's connection opens, checks and migrates the file.
 * Writes and reads need prepare() first and are refused with StoreUnavailableError once closed.
 */
export class SqliteReadingStore implements ReadingStore {
  readonly file: string;
  readonly pointsPerWrite = SQLITE_POINTS_PER_WRITE;
  private connection: Connection | undefined;
  private closed = false;
  private readonly reads: SqliteThread;
  private readonly writes: SqliteWriteThread;

  constructor(options: SqliteStoreOptions) {
    if (typeof options.file !== 'string' || options.file.trim() === '') throw new Error('SqliteReadingStore needs a file name');
    this.file = options.file;
    this.reads = new SqliteThread(this.file, 'read');
    this.writes = openWriteThread(this.file);
  }

  /**
   * Opens the file (refusing one that is not SQLite, damaged, another program's or newer: SqliteFileError,
   * the file left untouched) and runs the migrations it lacks. Safe on every start and after a failure.
   */
  async prepare(): Promise<void> {
    if (this.closed) throw this.closedError();
    const opened = this.connection ?? openStoreFile(this.file);
    try {
      migrate(opened.db, this.file);
      this.connection ??= { ...opened, ping: opened.db.prepare<[]>(q.PING) };
    } catch (error) {
      this.connection = undefined;
      opened.db.close();
      if (error instanceof SqliteFileError) throw error;
      throw classifySqliteFailure(error, this.file, 'the schema migration');
    }
  }

  async write(batch: TelemetryBatch): Promise<void> {
    const connection = this.open();
    if (batch.readings.length + batch.arrivals.length + batch.deadLetters.length === 0) return;
    this.requireSameFile(connection);
    try {
      await this.writes.write(batch);
    } catch (error) {
      const what = `a write of ${batch.readings.length} readings, ${batch.arrivals.length} arrivals and ${batch.deadLetters.length} dead letters`;
      throw classifySqliteFailure(error, this.file, what);
    }
  }

  /** The file answers a query and is still the file at the configured path (not deleted or replaced). */
  async ping(): Promise<boolean> {
    const connection = this.connection;
    if (connection === undefined || this.closed) return false;
    try {
      connection.ping.get();
      return sameIdentity(connection.identity, currentIdentity(this.file));
    } catch {
      return false;
    }
  }

  async readings(query: ReadingQuery): Promise<Reading[]> {
    return (await this.all(q.selectReadings(query), 'the readings query')).map(toReading);
  }

  async countReadings(query: ReadingQuery): Promise<number> {
    return toCount((await this.all(q.countReadings(query), 'the readings count'))[0]);
  }

  async arrivals(query: ArrivalQuery): Promise<Arrival[]> {
    return (await this.all(q.selectArrivals(query), 'the arrivals query')).map(toArrival);
  }

  async deadLetters(query: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    return (await this.all(q.selectDeadLetters(query), 'the dead letters query')).map(toDeadLetter);
  }

  async countDeadLetters(query: DeadLetterQuery): Promise<number> {
    return toCount((await this.all(q.countDeadLetters(query), 'the dead letters count'))[0]);
  }

  async series(query: SeriesQuery): Promise<SeriesPoint[]> {
    const sql = query.every === undefined ? q.selectSeriesReadings(query) : q.selectSeriesBuckets(query);
    return (await this.all(sql, 'the series query')).map(toSeriesPoint);
  }

  async latest(query: LatestQuery): Promise<Reading[]> {
    if (query.stationIds?.length === 0) return [];
    const walk = { from: q.READING_SERIES_FROM, after: q.READING_SERIES_AFTER, newest: q.NEWEST_READING };
    const stations = query.stationIds === undefined ? undefined : [...new Set(query.stationIds)].sort();
    return (await this.newestPerSeries(walk, stations, query.element, 'the latest readings query')).map(toReading);
  }

  async lastArrivals(): Promise<Arrival[]> {
    const walk = { from: q.ARRIVAL_SERIES_FROM, after: q.ARRIVAL_SERIES_AFTER, newest: q.NEWEST_ARRIVAL };
    return (await this.newestPerSeries(walk, undefined, undefined, 'the last arrivals query')).map(toArrival);
  }

  /** One statement: the counting happens in SQLite (see sqlite-queries.ts), only the counts come out. */
  async arrivalCounts(query: ArrivalCountQuery): Promise<ArrivalCount[]> {
    const { first, count } = arrivalCountBuckets(query);
    this.open();
    if (count === 0 || query.stationIds?.length === 0) return [];
    return (await this.all(q.arrivalCounts(query, first, CHANNELS), 'the arrival counts query')).map(toArrivalCount);
  }

  /** Idempotent; the store cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    await Promise.all([this.reads.close(), this.writes.release()]);
    connection?.db.close();
  }

  private async newestPerSeries(walk: Extract<SqliteRead, { kind: 'newest' }>['walk'], stations: readonly string[] | undefined, key: string | undefined, what: string): Promise<unknown[]> {
    return this.read({ kind: 'newest', walk, ...(stations === undefined ? {} : { stations }), ...(key === undefined ? {} : { key }) }, what);
  }

  private async all(sql: q.Sql, what: string): Promise<unknown[]> {
    return this.read({ kind: 'all', sql }, what);
  }

  /** Every read goes to the read thread, after the same checks as a write (prepared, not closed). */
  private async read(read: SqliteRead, what: string): Promise<unknown[]> {
    this.open();
    try {
      return await this.reads.read(read);
    } catch (error) {
      throw classifySqliteFailure(error, this.file, what);
    }
  }

  private open(): Connection {
    if (this.closed) throw this.closedError();
    if (this.connection === undefined) throw new StoreUnavailableError(`the SQLite store ${this.file} is not prepared; call prepare() first`);
    return this.connection;
  }

  /**
   * A file deleted or replaced while open (DATA_DIR wiped, a backup copied over it) would swallow writes
   * into an unlinked inode, and the drain would advance its checkpoint past them. Refuse instead: the
   * batch stays in the journal, ping() turns false, and a restart opens the file now at the path.
   */
  private requireSameFile(connection: Connection): void {
    if (!sameIdentity(connection.identity, currentIdentity(this.file))) {
      throw new StoreUnavailableError(`the SQLite store ${this.file} was deleted or replaced while open; restart to open the file now there`);
    }
  }

  private closedError(): StoreUnavailableError {
    return new StoreUnavailableError(`the SQLite store ${this.file} is closed`);
  }
}
