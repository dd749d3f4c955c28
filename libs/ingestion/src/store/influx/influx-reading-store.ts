import type { Arrival, Reading } from '@hydro/domain';
import { arrivalCountBuckets, compareArrivalCounts } from '../arrival-count-query';
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
  StoreRejectedError,
} from '../reading-store';
import { arrivalCountParts, sumArrivalCounts } from './arrival-count-parts';
import { classifyFailure, isDatabaseNotFound } from './influx-errors';
import { InfluxDatabase } from './influx-database';
import { InfluxHttp } from './influx-http';
import { type InfluxStoreOptions, validateInfluxOptions } from './influx-options';
import * as q from './influx-queries';
import { type Row, statementCount, statementRows } from './influx-response';
import { readingPoint, suspectPerBucket, toArrival, toArrivalCount, toDeadLetter, toReading, toSeriesPoint } from './influx-rows';
import { LineProtocolError } from './line-protocol';
import { batchBody } from './telemetry-lines';

/**
 * ReadingStore on InfluxDB through the v1 HTTP API: 1.x natively, 2.x and 3.x through their
 * v1-compatible endpoints. Schema and reasons: docs/storage.md. One write() is one HTTP request;
 * retries and backoff belong to the caller (the drain), which also keeps the data while we fail.
 */
export class InfluxReadingStore implements ReadingStore {
  private readonly http: InfluxHttp;
  private readonly database: InfluxDatabase;

  constructor(options: InfluxStoreOptions) {
    const validated = validateInfluxOptions(options);
    this.http = new InfluxHttp(validated);
    this.database = new InfluxDatabase(this.http, validated);
  }

  /** Creates the database and retention policy, or checks that they were provisioned (influx-database.ts). */
  async prepare(): Promise<void> {
    await this.database.prepare();
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
        await this.database.recreate();
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
      await this.database.probeWrite();
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

  /**
   * Two statements, counted by InfluxDB: per channel over `arrival`, and over any channel as a plain count of
   * `report`. Like the series, they are not one snapshot: a write landing between them can make a bucket's
   * `any` and per-channel counts disagree until the next query.
   */
  /**
   * A week per request (arrivalCountParts), one after another, each as two statements at once: per channel,
   * and distinct reports over any channel. Buckets a part boundary cuts are added up.
   */
  async arrivalCounts(query: ArrivalCountQuery): Promise<ArrivalCount[]> {
    const { count } = arrivalCountBuckets(query);
    if (count === 0 || query.stationIds?.length === 0) return [];
    const counts: ArrivalCount[] = [];
    for (const part of arrivalCountParts(query)) {
      const [perChannel, reports] = await Promise.all([
        this.rows(q.countArrivalsPerChannel(part), 'the arrival counts per channel'),
        this.rows(q.countReports(part), 'the report counts'),
      ]);
      for (const row of [...perChannel, ...reports]) counts.push(toArrivalCount(row));
    }
    return sumArrivalCounts(counts).sort(compareArrivalCounts);
  }

  close(): Promise<void> {
    this.http.close();
    return Promise.resolve();
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
