import type { Arrival, Reading } from '@hydro/domain';
import {
  type ArrivalQuery,
  type DeadLetterQuery,
  type LatestQuery,
  type ReadingQuery,
  type ReadingStore,
  type SeriesPoint,
  type SeriesQuery,
  type StoredDeadLetter,
  type TelemetryBatch,
  StoreRejectedError,
  StoreUnavailableError,
} from '../reading-store';
import { InfluxStatementError, classifyFailure, influxMessage, isDatabaseNotFound, isHttpError } from './influx-errors';
import { InfluxHttp } from './influx-http';
import { type InfluxStoreOptions, validateInfluxOptions } from './influx-options';
import * as q from './influx-queries';
import { type Row, expectStatementOk, statementCount, statementRows } from './influx-response';
import { readingPoint, suspectPerBucket, toArrival, toDeadLetter, toReading, toSeriesPoint } from './influx-rows';
import { LineProtocolError } from './line-protocol';
import { batchBody } from './telemetry-lines';

/**
 * ReadingStore on InfluxDB through the v1 HTTP API: 1.x natively, 2.x and 3.x through their
 * v1-compatible endpoints. Schema and reasons: docs/storage.md. One write() is one HTTP request;
 * retries and backoff belong to the caller (the drain), which also keeps the data while we fail.
 */
export class InfluxReadingStore implements ReadingStore {
  private readonly options: ReturnType<typeof validateInfluxOptions>;
  private readonly http: InfluxHttp;

  constructor(options: InfluxStoreOptions) {
    this.options = validateInfluxOptions(options);
    this.http = new InfluxHttp(this.options);
  }

  /**
   * Creates the database (idempotent on 1.x) and the optional retention policy. On 2.x/3.x, or with
   * a 1.x user without admin rights, CREATE DATABASE is refused; then the database (bucket + DBRP
   * mapping) must have been provisioned, which is checked by an empty write.
   */
  async prepare(): Promise<void> {
    const { database } = this.options;
    try {
      await this.run(q.createDatabase(database));
    } catch (error) {
      if (!provisionedElsewhere(error)) throw classifyFailure(error, `CREATE DATABASE ${database}`);
      await this.requireWritable(`InfluxDB refused CREATE DATABASE (${influxMessage(error)})`);
      return;
    }
    try {
      await this.ensureRetentionPolicy();
    } catch (error) {
      throw classifyFailure(error, `retention policy ${this.options.retentionPolicy?.name ?? ''}`);
    }
  }

  async write(batch: TelemetryBatch): Promise<void> {
    let body: string;
    try {
      body = batchBody(batch);
    } catch (error) {
      if (error instanceof LineProtocolError) throw new StoreRejectedError(`refused before sending to InfluxDB: ${error.message}`);
      throw error;
    }
    if (body === '') return;
    const what = `a write of ${batch.readings.length + batch.arrivals.length + batch.deadLetters.length} points`;
    try {
      await this.http.write(body);
    } catch (error) {
      if (!isDatabaseNotFound(error)) throw classifyFailure(error, what);
      // The database vanished (dropped, data directory wiped): recreate it and write once more, once.
      try {
        await this.run(q.createDatabase(this.options.database));
        await this.ensureRetentionPolicy();
        await this.http.write(body);
      } catch (retryError) {
        throw classifyFailure(retryError, `${what} (after re-creating the missing database)`);
      }
    }
  }

  /** The server answers /ping and the database takes an (empty) write with these credentials. */
  async ping(): Promise<boolean> {
    try {
      await this.http.ping();
      await this.probeWrite();
      return true;
    } catch {
      return false;
    }
  }

  async readings(query: ReadingQuery): Promise<Reading[]> {
    return (await this.rows(q.selectReadings(query), 'the readings query')).map(toReading).sort(readingOrder);
  }

  async countReadings(query: ReadingQuery): Promise<number> {
    return this.count(q.countReadings(query), 'the readings count');
  }

  async arrivals(query: ArrivalQuery): Promise<Arrival[]> {
    return (await this.rows(q.selectArrivals(query), 'the arrivals query')).map(toArrival).sort(arrivalOrder);
  }

  async deadLetters(query: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    return (await this.rows(q.selectDeadLetters(query), 'the dead letters query')).map(toDeadLetter);
  }

  async countDeadLetters(query: DeadLetterQuery): Promise<number> {
    return this.count(q.countDeadLetters(query), 'the dead letters count');
  }

  /** Raw: the readings query. Per bucket: two statements, the aggregates and the suspect count (see influx-queries.ts). */
  async series(query: SeriesQuery): Promise<SeriesPoint[]> {
    if (query.every === undefined) {
      return (await this.rows(q.selectSeriesReadings(query), 'the series query')).map((row) => readingPoint(toReading(row)));
    }
    const bucketsStatement = q.selectSeriesBuckets(query);
    const suspectStatement = q.countSuspectPerBucket(query);
    const [buckets, suspect] = await Promise.all([
      this.rows(bucketsStatement, 'the series query'),
      this.rows(suspectStatement, 'the suspect count per bucket'),
    ]);
    const suspectAt = suspectPerBucket(suspect);
    return buckets.map((row) => toSeriesPoint(row, suspectAt));
  }

  async latest(query: LatestQuery): Promise<Reading[]> {
    if (query.stationIds?.length === 0) return [];
    const readings = (await this.rows(q.selectLatestReadings(query), 'the latest readings query')).map(toReading);
    return readings.sort((a, b) => compare(a.stationId, b.stationId) || compare(a.element, b.element));
  }

  async lastArrivals(): Promise<Arrival[]> {
    const arrivals = (await this.rows(q.selectLastArrivals(), 'the last arrivals query')).map(toArrival);
    return arrivals.sort((a, b) => compare(a.stationId, b.stationId) || compare(a.channel, b.channel));
  }

  close(): Promise<void> {
    this.http.close();
    return Promise.resolve();
  }

  /** Makes the configured retention policy exist, with the configured duration, as the database default. */
  private async ensureRetentionPolicy(): Promise<void> {
    const rp = this.options.retentionPolicy;
    if (rp === undefined) return;
    const { database } = this.options;
    const existing = statementRows(await this.http.query(q.showRetentionPolicies(database))).map((row) => row['name']);
    const statement = existing.includes(rp.name)
      ? q.alterRetentionPolicy(database, rp.name, rp.duration)
      : q.createRetentionPolicy(database, rp.name, rp.duration);
    await this.run(statement);
  }

  private async requireWritable(why: string): Promise<void> {
    try {
      await this.probeWrite();
    } catch (error) {
      const { database, retentionPolicy } = this.options;
      const rp = retentionPolicy === undefined ? '' : ` and retention policy "${retentionPolicy.name}"`;
      throw new StoreUnavailableError(
        `${why}, and writing to database "${database}" fails (${influxMessage(error)}). ` +
          `Create the database (1.x: CREATE DATABASE "${database}"), or on 2.x/3.x the bucket and a DBRP mapping ` +
          `for database "${database}"${rp}, and give these credentials write access to it`,
      );
    }
  }

  /**
   * An empty write stores nothing but passes the same routing, database lookup and permission checks
   * as a real one: 1.x answers 204 (404 for a missing database), 2.x checks bucket and write rights
   * and then answers 400 "writing requires points". So 2xx or 400 means "writable".
   */
  private async probeWrite(): Promise<void> {
    try {
      await this.http.write('');
    } catch (error) {
      if (isHttpError(error) && error.statusCode === 400) return;
      throw error;
    }
  }

  /** Sends a statement that returns nothing; failures are thrown as they came, for the caller to sort. */
  private async run(statement: string): Promise<void> {
    expectStatementOk(await this.http.query(statement));
  }

  private async rows(statement: string, what: string): Promise<Row[]> {
    try {
      return statementRows(await this.http.query(statement));
    } catch (error) {
      throw classifyFailure(error, what);
    }
  }

  private async count(statement: string, what: string): Promise<number> {
    try {
      return statementCount(await this.http.query(statement));
    } catch (error) {
      throw classifyFailure(error, what);
    }
  }
}

/**
 * The port's order: time, then station, then element or channel. InfluxDB answers in time order, but
 * points of the same time from different series come back in no stable order (seen on 1.6.7: cellular of
 * station B between beidou and cellular of station A), so ties are sorted here. Strings compare by code
 * unit, which for our ASCII ids is SQLite's BINARY order.
 */
function readingOrder(a: Reading, b: Reading): number {
  return a.observedAt - b.observedAt || compare(a.stationId, b.stationId) || compare(a.element, b.element);
}

function arrivalOrder(a: Arrival, b: Arrival): number {
  return a.observedAt - b.observedAt || compare(a.stationId, b.stationId) || compare(a.channel, b.channel);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The answers of a server where databases are provisioned by an operator, not by CREATE DATABASE. */
function provisionedElsewhere(error: unknown): boolean {
  if (error instanceof InfluxStatementError) return true;
  return isHttpError(error) && [401, 403, 404, 501].includes(error.statusCode);
}
