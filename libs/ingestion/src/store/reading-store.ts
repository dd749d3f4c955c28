import type { Arrival, DeadLetter, DeadLetterReason, Element, Reading } from '@hydro/domain';

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
 * Where readings, per-channel arrivals and dead letters are kept.
 * Writes are idempotent by identity: a reading is (station, element, observation time),
 * an arrival is (station, channel, observation time), a dead letter is its serial.
 */
export interface ReadingStore {
  /** Creates what the store needs (database, schema); safe to call on every start. */
  prepare(): Promise<void>;
  /**
   * Writes a batch. Throws StoreUnavailableError when it may succeed later (network, 5xx, timeouts)
   * and StoreRejectedError when the store refuses the content itself (it never will).
   */
  write(batch: TelemetryBatch): Promise<void>;
  /** True when the store answers and accepts writes. */
  ping(): Promise<boolean>;
  readings(query: ReadingQuery): Promise<Reading[]>;
  countReadings(query: ReadingQuery): Promise<number>;
  arrivals(query: ArrivalQuery): Promise<Arrival[]>;
  deadLetters(query: DeadLetterQuery): Promise<StoredDeadLetter[]>;
  countDeadLetters(query: DeadLetterQuery): Promise<number>;
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
