import type { Arrival, Reading } from '@hydro/domain';
import { arrivalCountBuckets, compareArrivalCounts } from './arrival-count-query';
import { arrivalIdentity, type BatchPoint, bucketOf, checkRange, compare, inRange, invalid, matches, pointsOf, readingIdentity } from './memory-store-points';
import {
  type ArrivalCount,
  type ArrivalCountChannel,
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
  StoreUnavailableError,
} from './reading-store';

export type { BatchPoint } from './memory-store-points';

/** The calls whose failures can be scripted with `failNext`. */
export type MemoryStoreOperation = 'prepare' | 'write' | 'read' | 'ping';

interface ScriptedFailure {
  remaining: number;
  readonly error: Error;
}

interface Refusal {
  readonly refuses: (point: BatchPoint) => boolean;
  readonly why: string;
}

/**
 * A ReadingStore kept in memory, for tests (and a model for an embedded store): it keeps the
 * port's contract exactly. Writes are idempotent by identity (a reading is station, element and
 * observation time; an arrival is station, channel and observation time; a dead letter is its
 * serial): a rewrite replaces the point, and within one batch the last copy wins. A write is
 * atomic: a failed or refused write stores nothing. Writes and reads need `prepare()` first and
 * are refused once the store is closed. Queries answer in the orders the port gives, over half-open
 * ranges of integer epoch ms. reading-store.contract.ts holds it to the same suite as the real adapters.
 *
 * Failures can be scripted: `failNext` (the next calls throw the given error), `refuseWhen`
 * (batches holding a matching point are refused with StoreRejectedError, like a field type
 * conflict) and `holdWrites` (writes wait until released, to observe what happens meanwhile).
 */
export class MemoryReadingStore implements ReadingStore {
  /** Every batch the store confirmed, in order, as it was handed over: what was written, not only what is kept. */
  readonly confirmedWrites: TelemetryBatch[] = [];
  private attempts = 0;
  private prepared = false;
  private closed = false;
  private readonly readingsByIdentity = new Map<string, Reading>();
  private readonly arrivalsByIdentity = new Map<string, Arrival>();
  private readonly deadLettersBySerial = new Map<number, StoredDeadLetter>();
  private readonly failures: Record<MemoryStoreOperation, ScriptedFailure[]> = { prepare: [], write: [], read: [], ping: [] };
  private readonly refusals: Refusal[] = [];
  private held: { readonly until: Promise<void>; readonly release: () => void } | undefined;

  /** `pointsPerWrite`: behave like a store that wants batches in parts of that size (see ReadingStore). */
  constructor(readonly pointsPerWrite?: number) {}

  /** Calls to `write`, including those that failed, were refused or are still held. */
  get writeAttempts(): number {
    return this.attempts;
  }

  get isPrepared(): boolean {
    return this.prepared;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * The next `count` calls of `operation` throw `error` (for `ping`: answer false). `count` may be
   * Infinity, for a store that stays down until `clearFailures()`. Scripts queue up in call order.
   */
  failNext(count: number, error: Error, operation: MemoryStoreOperation = 'write'): void {
    if (!(count >= 0)) throw new RangeError(`failNext: count must not be negative, got ${count}`);
    if (count > 0) this.failures[operation].push({ remaining: count, error });
  }

  /** Drops every scripted failure (not the refusal rules): the store is back. */
  clearFailures(): void {
    for (const queue of Object.values(this.failures)) queue.splice(0);
  }

  /** Refuses, with StoreRejectedError, every write whose batch holds a point `refuses` matches. */
  refuseWhen(refuses: (point: BatchPoint) => boolean, why = 'the store refused the content'): void {
    this.refusals.push({ refuses, why });
  }

  /** Writes from now on wait (before anything is checked or stored) until the returned function is called. */
  holdWrites(): () => void {
    if (!this.held) {
      let release: () => void = () => undefined;
      const until = new Promise<void>((resolve) => {
        release = resolve;
      });
      this.held = { until, release };
    }
    const held = this.held;
    return () => {
      if (this.held === held) this.held = undefined;
      held.release();
    };
  }

  async prepare(): Promise<void> {
    this.requireOpen();
    this.throwIfScripted('prepare');
    this.prepared = true;
  }

  async write(batch: TelemetryBatch): Promise<void> {
    this.attempts += 1;
    if (this.held) await this.held.until;
    this.requireUsable();
    this.throwIfScripted('write');
    const points = pointsOf(batch);
    for (const point of points) {
      const problem = invalid(point);
      if (problem !== undefined) throw new StoreRejectedError(`the store refused a ${point.kind}: ${problem}`);
      const refusal = this.refusals.find((each) => each.refuses(point));
      if (refusal) throw new StoreRejectedError(refusal.why);
    }
    // Checked in full above, so the batch is stored whole or not at all.
    for (const each of points) {
      switch (each.kind) {
        case 'reading':
          this.readingsByIdentity.set(readingIdentity(each.point), { ...each.point });
          break;
        case 'arrival':
          this.arrivalsByIdentity.set(arrivalIdentity(each.point), { ...each.point });
          break;
        case 'deadLetter':
          this.deadLettersBySerial.set(each.point.serial, { ...each.point });
          break;
      }
    }
    this.confirmedWrites.push({
      readings: batch.readings.map((r) => ({ ...r })),
      arrivals: batch.arrivals.map((a) => ({ ...a })),
      deadLetters: batch.deadLetters.map((d) => ({ ...d })),
    });
  }

  async ping(): Promise<boolean> {
    if (this.closed || !this.prepared) return false;
    return this.takeScripted('ping') === undefined;
  }

  async readings(query: ReadingQuery): Promise<Reading[]> {
    this.requireReadable();
    checkRange(query);
    return [...this.readingsByIdentity.values()]
      .filter((r) => matches(query, r.stationId, r.observedAt) && (query.element === undefined || query.element === r.element))
      .sort((a, b) => a.observedAt - b.observedAt || compare(a.stationId, b.stationId) || compare(a.element, b.element))
      .map((r) => ({ ...r }));
  }

  async countReadings(query: ReadingQuery): Promise<number> {
    return (await this.readings(query)).length;
  }

  async arrivals(query: ArrivalQuery): Promise<Arrival[]> {
    this.requireReadable();
    checkRange(query);
    return [...this.arrivalsByIdentity.values()]
      .filter((a) => matches(query, a.stationId, a.observedAt) && (query.channel === undefined || query.channel === a.channel))
      .sort((a, b) => a.observedAt - b.observedAt || compare(a.stationId, b.stationId) || compare(a.channel, b.channel))
      .map((a) => ({ ...a }));
  }

  /** Oldest first by receipt time (then serial); `limit` bounds the listing. */
  async deadLetters(query: DeadLetterQuery): Promise<StoredDeadLetter[]> {
    if (query.limit !== undefined && (!Number.isSafeInteger(query.limit) || query.limit <= 0)) {
      throw new RangeError(`query limit must be a positive integer, got ${query.limit}`);
    }
    const all = this.matchingDeadLetters(query);
    return (query.limit === undefined ? all : all.slice(0, query.limit)).map((d) => ({ ...d }));
  }

  /** Counts every match: `limit` bounds a listing, not a count. */
  async countDeadLetters(query: DeadLetterQuery): Promise<number> {
    return this.matchingDeadLetters(query).length;
  }

  /** Raw readings as points of their own, or aggregates per bucket aligned to epoch multiples of `every`. */
  async series(query: SeriesQuery): Promise<SeriesPoint[]> {
    if (query.every !== undefined && (!Number.isSafeInteger(query.every) || query.every <= 0)) {
      throw new RangeError(`series bucket width must be a positive integer of ms, got ${query.every}`);
    }
    const readings = await this.readings({ stationId: query.stationId, element: query.element, from: query.from, to: query.to });
    const every = query.every;
    if (every === undefined) return readings.map((r) => bucketOf(r.observedAt, [r]));
    const buckets = new Map<number, Reading[]>();
    for (const reading of readings) {
      const start = reading.observedAt - (((reading.observedAt % every) + every) % every);
      const bucket = buckets.get(start);
      if (bucket) bucket.push(reading);
      else buckets.set(start, [reading]);
    }
    return [...buckets].map(([start, members]) => bucketOf(start, members));
  }

  /** The reading of the newest observation per (station, element), by station then element. */
  async latest(query: LatestQuery): Promise<Reading[]> {
    this.requireReadable();
    const stations = query.stationIds === undefined ? undefined : new Set(query.stationIds);
    const newest = new Map<string, Reading>();
    for (const reading of this.readingsByIdentity.values()) {
      if (stations !== undefined && !stations.has(reading.stationId)) continue;
      if (query.element !== undefined && query.element !== reading.element) continue;
      const series = JSON.stringify([reading.stationId, reading.element]);
      const known = newest.get(series);
      if (!known || reading.observedAt > known.observedAt) newest.set(series, reading);
    }
    return [...newest.values()].sort((a, b) => compare(a.stationId, b.stationId) || compare(a.element, b.element)).map((r) => ({ ...r }));
  }

  /** The arrival of the newest observation per (station, channel), by station then channel. */
  async lastArrivals(): Promise<Arrival[]> {
    this.requireReadable();
    const newest = new Map<string, Arrival>();
    for (const arrival of this.arrivalsByIdentity.values()) {
      const series = JSON.stringify([arrival.stationId, arrival.channel]);
      const known = newest.get(series);
      if (!known || arrival.observedAt > known.observedAt) newest.set(series, arrival);
    }
    return [...newest.values()].sort((a, b) => compare(a.stationId, b.stationId) || compare(a.channel, b.channel)).map((a) => ({ ...a }));
  }

  /** Per station and bucket: on-schedule arrivals per channel, and distinct on-schedule observation times over any. */
  async arrivalCounts(query: ArrivalCountQuery): Promise<ArrivalCount[]> {
    this.requireReadable();
    if (arrivalCountBuckets(query).count === 0 || query.stationIds?.length === 0) return [];
    const stations = query.stationIds === undefined ? undefined : new Set(query.stationIds);
    const { every } = query;
    // Per (station, channel or any, bucket), the distinct observation times: the copies over both channels are one under any.
    const observed = new Map<string, { readonly stationId: string; readonly channel: ArrivalCountChannel; readonly time: number; readonly times: Set<number> }>();
    const add = (stationId: string, channel: ArrivalCountChannel, time: number, observedAt: number): void => {
      const key = JSON.stringify([stationId, channel, time]);
      const bucket = observed.get(key) ?? { stationId, channel, time, times: new Set<number>() };
      bucket.times.add(observedAt);
      observed.set(key, bucket);
    };
    for (const arrival of this.arrivalsByIdentity.values()) {
      // Absent (an arrival built before the flag existed) counts as on schedule, as in the other stores.
      if (arrival.onSchedule === false || !inRange(query, arrival.observedAt)) continue;
      if (stations !== undefined && !stations.has(arrival.stationId)) continue;
      const time = arrival.observedAt - (((arrival.observedAt % every) + every) % every);
      add(arrival.stationId, arrival.channel, time, arrival.observedAt);
      add(arrival.stationId, 'any', time, arrival.observedAt);
    }
    return [...observed.values()].map(({ times, ...bucket }) => ({ ...bucket, count: times.size })).sort(compareArrivalCounts);
  }

  /** Idempotent. Writes held by `holdWrites` go on and are refused as the store is closed. */
  async close(): Promise<void> {
    this.closed = true;
    const held = this.held;
    this.held = undefined;
    held?.release();
  }

  private matchingDeadLetters(query: DeadLetterQuery): StoredDeadLetter[] {
    this.requireReadable();
    checkRange(query);
    return [...this.deadLettersBySerial.values()]
      .filter((d) => inRange(query, d.receivedAt) && (query.reason === undefined || query.reason === d.reason))
      .sort((a, b) => a.receivedAt - b.receivedAt || a.serial - b.serial);
  }

  private requireOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the in-memory store is closed');
  }

  private requireUsable(): void {
    this.requireOpen();
    if (!this.prepared) throw new StoreUnavailableError('the in-memory store is not prepared; call prepare() first');
  }

  private requireReadable(): void {
    this.requireUsable();
    this.throwIfScripted('read');
  }

  private throwIfScripted(operation: MemoryStoreOperation): void {
    const error = this.takeScripted(operation);
    if (error) throw error;
  }

  private takeScripted(operation: MemoryStoreOperation): Error | undefined {
    const queue = this.failures[operation];
    const next = queue[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.error;
  }
}
