import type { Arrival, Channel, DeadLetter, DeadLetterReason, Element, Reading } from '@hydro/domain';

/** A dead letter as stored: `serial` is unique and stable, so replaying the journal rewrites it in place. */
export interface StoredDeadLetter extends DeadLetter {
  readonly serial: number;
}

/** What one drain of the journal hands to the store. */
export interface TelemetryBatch {
  readonly readings: readonly Reading[];
  readonly arrivals: readonly Arrival[];
  readonly deadLetters: readonly StoredDeadLetter[];
}

export interface TimeRange {
  /** Inclusive, epoch ms. */
  readonly from: number;
  /** Exclusive, epoch ms. */
  readonly to: number;
}

export interface ReadingQuery extends Partial<TimeRange> {
  readonly stationId?: string;
  readonly element?: Element;
}

export interface ArrivalQuery extends Partial<TimeRange> {
  readonly stationId?: string;
  readonly channel?: Arrival['channel'];
}

export interface DeadLetterQuery extends Partial<TimeRange> {
  readonly reason?: DeadLetterReason;
  readonly limit?: number;
}

/**
 * One element of one station over a half-open range. Buckets are aligned to epoch multiples of `every`
 * (a bucket starts at floor(time / every) × every), never to `from`: the first bucket may start before
 * `from` but holds only readings from `from` on. Hydrological-day alignment is the caller's: it chooses
 * `from`/`to` on the day boundaries (08:00 Beijing time, which is 00:00 UTC, so `every` = 1 day buckets
 * are exactly hydrological days; for any other alignment the caller splits the range itself).
 */
export interface SeriesQuery extends TimeRange {
  readonly stationId: string;
  readonly element: Element;
  /** Bucket width in ms, a positive integer. Absent: every reading is a point of its own (count 1). */
  readonly every?: number;
}

/**
 * A bucket of readings, or one raw reading (then mean = min = max = sum = value and count = 1).
 * The aggregates include suspect readings; `suspect` says how many there were. Empty buckets are omitted.
 */
export interface SeriesPoint {
  /** Bucket start (epoch ms), or the observation time of a raw reading. */
  readonly time: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  readonly sum: number;
  readonly count: number;
  /** How many of the `count` readings are suspect. */
  readonly suspect: number;
}

export interface LatestQuery {
  /** Only these stations; an empty list matches nothing. Absent: every station. */
  readonly stationIds?: readonly string[];
  readonly element?: Element;
}

/**
 * Counting the timed reports that arrived, for the arrival rate (到报率): the counts per bucket divided by
 * the reports the schedule expects in it. Buckets are aligned to epoch multiples of `every` like SeriesQuery:
 * `every` = 1 day gives hydrological days (08:00 Beijing time is 00:00 UTC). A query may span at most
 * MAX_ARRIVAL_COUNT_BUCKETS buckets.
 */
export interface ArrivalCountQuery extends TimeRange {
  /** Bucket width in ms, a positive integer. */
  readonly every: number;
  /** Only these stations; an empty list matches nothing. Absent: every station. */
  readonly stationIds?: readonly string[];
}

/** Per channel, or `any`: the station as a whole, where the copies of a report over both channels count once. */
export type ArrivalCountChannel = Channel | 'any';

export interface ArrivalCount {
  readonly stationId: string;
  readonly channel: ArrivalCountChannel;
  /** Bucket start, epoch ms; the first bucket may start before `from` but counts only from `from` on. */
  readonly time: number;
  /** Distinct on-schedule observation times that arrived (over that channel, or over any). Never 0. */
  readonly count: number;
}

/**
 * Where readings, per-channel arrivals and dead letters are kept.
 * Writes are idempotent by identity: a reading is (station, element, observation time),
 * an arrival is (station, channel, observation time), a dead letter is its serial.
 */
export interface ReadingStore {
  /**
   * At most this many points (readings, arrivals, dead letters) per write(), for a store whose writes run
   * on the event loop (the embedded SQLite store): the drain splits a larger batch into writes of this size
   * with a turn of the event loop between them. Absent: a batch of any size is one write.
   */
  readonly pointsPerWrite?: number;
  /** Creates what the store needs (database, schema); safe to call on every start. */
  prepare(): Promise<void>;
  /**
   * Writes a batch. Throws StoreUnavailableError when it may succeed later (network, 5xx, timeouts)
   * and StoreRejectedError when the store refuses the content itself (it never will).
   */
  write(batch: TelemetryBatch): Promise<void>;
  /** True when the store answers and accepts writes. */
  ping(): Promise<boolean>;
  /** In observation-time order; readings of the same time by station, then element. */
  readings(query: ReadingQuery): Promise<Reading[]>;
  countReadings(query: ReadingQuery): Promise<number>;
  /** In observation-time order; arrivals of the same time by station, then channel. */
  arrivals(query: ArrivalQuery): Promise<Arrival[]>;
  /** Oldest receipt first; `from`/`to` select by receipt time, `limit` keeps the first ones. */
  deadLetters(query: DeadLetterQuery): Promise<StoredDeadLetter[]>;
  /** Counts every match: `limit` bounds a listing, not a count. */
  countDeadLetters(query: DeadLetterQuery): Promise<number>;
  /** Readings of one station and element in time order, raw or per bucket (see SeriesQuery). */
  series(query: SeriesQuery): Promise<SeriesPoint[]>;
  /**
   * The reading with the latest observation time per (station, element), whenever it was written:
   * late data never replaces a newer observation. Sorted by station id, then element.
   */
  latest(query: LatestQuery): Promise<Reading[]>;
  /**
   * Per (station, channel), the arrival of the latest observation that came over that channel, with
   * its receipt time; station health is rebuilt from this at start-up. Sorted by station id, then channel.
   */
  lastArrivals(): Promise<Arrival[]>;
  /**
   * Per station and bucket, how many on-schedule observations arrived over each channel and over any
   * (added reports are not counted). Only non-zero counts; sorted by station, then channel (`any` first),
   * then time. The store counts; it never hands out the arrivals themselves.
   */
  arrivalCounts(query: ArrivalCountQuery): Promise<ArrivalCount[]>;
  close(): Promise<void>;
}

/** The store could not be reached or failed transiently; the same write may succeed later. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** The store refused the content; retrying the same write will not help. */
export class StoreRejectedError extends Error {
  override readonly name = 'StoreRejectedError';
}
