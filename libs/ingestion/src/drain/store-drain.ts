import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Clock, Reading } from '@hydro/domain';
import type { IngestionMetrics } from '../ingestion-metrics';
import type { Log } from '../log';
import { type ReadingStore, StoreRejectedError, type TelemetryBatch } from '../store/reading-store';
import { type BackoffOptions, backoffDelay } from './backoff';
import { buildDrainBatch, type DrainBatch, type JournalRecord } from './drain-batch';
import { RecentPoints } from './recent-points';
import { rejectedAsDeadLetters } from './rejected-batch';
import { writeParts } from './write-parts';

/** What the drain needs of the journal: ordered reads after a position, and a checkpoint. */
export interface DrainableJournal {
  readAfter(seq: number, maxBytes: number): Promise<JournalRecord[]>;
  checkpoint(seq: number): Promise<void>;
  readonly checkpointSeq: number;
  readonly lastSeq: number;
}

export interface DrainOptions {
  /** Most points (readings, arrivals, dead letters) in one store write. */
  readonly batchSize: number;
  /** Longest a reading waits for its batch to fill before it is written anyway. */
  readonly flushIntervalMs: number;
  readonly retry: BackoffOptions;
  /** Point identities remembered to skip exact copies and notice corrections. */
  readonly recentPoints: number;
}

const READ_BYTES = 8 * 1024 * 1024;
/**
 * While data flows, the journal checkpoint (a small file replaced with two fsyncs and a rename) moves at
 * most this often, and always before the drain idles or stops. Each move competes on the disk with the
 * journal's own fsync, on which every acknowledgement waits; a later move only means that, after a crash,
 * a little more of the spool is written again (idempotent).
 */
export const CHECKPOINT_EVERY_MS = 1000;

type WriteOutcome = { readonly kind: 'written' } | { readonly kind: 'rejected'; readonly error: StoreRejectedError } | { readonly kind: 'stopped' };

/**
 * Moves the journal into the store, in journal order, one write in flight at a time
 * (so that the last write of a point is the one that stays), retrying with backoff
 * while the store is down and advancing the checkpoint only after the store confirmed.
 * A store that writes on the event loop (SQLite) gets a batch in parts of its `pointsPerWrite`,
 * with a turn of the loop between parts, so acknowledgements and the rules are not held up.
 */
export class StoreDrain {
  private stopping = false;
  private stopDeadline = Number.POSITIVE_INFINITY;
  private waiting: 'idle' | 'linger' | 'backoff' | undefined;
  private lingeredAt = -1;
  private running: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cursor: number;
  private healthy = true;
  private checkpointedAt = Number.NEGATIVE_INFINITY;
  private readonly recent: RecentPoints;
  private pointsPerEntry = 5;

  constructor(
    private readonly journal: DrainableJournal,
    private readonly store: ReadingStore,
    private readonly options: DrainOptions,
    private readonly clock: Clock,
    private readonly log: Log,
    private readonly metrics: IngestionMetrics,
  ) {
    this.cursor = journal.checkpointSeq;
    this.recent = new RecentPoints(options.recentPoints);
  }

  /** True while the last write succeeded (or none failed yet). */
  get storeWritable(): boolean {
    return this.healthy;
  }

  /** Journal entries not yet confirmed by the store. */
  get backlog(): number {
    return this.journal.lastSeq - this.cursor;
  }

  start(): void {
    this.running ??= this.run().catch((error: unknown) => {
      // Only the journal can fail here (a read or a checkpoint); the spool then stops moving.
      this.healthy = false;
      this.log.error(`the drain stopped: ${(error as Error).message}; readings stay in the spool until a restart`, 'StoreDrain');
    });
  }

  /** Something was appended: wake the drain if the batch is full or it is idle. */
  notify(): void {
    const full = this.backlog * this.pointsPerEntry >= this.options.batchSize;
    if (this.waiting === 'idle' || (this.waiting === 'linger' && full)) this.wake?.();
  }

  /** Stops taking new work and keeps writing until the journal is drained or `graceMs` has passed. */
  async stop(graceMs: number): Promise<void> {
    const deadline = this.clock.now() + graceMs;
    this.stopDeadline = deadline;
    this.stopping = true;
    this.wake?.();
    await this.running;
  }

  private async run(): Promise<void> {
    while (!this.stopping || (this.backlog > 0 && this.clock.now() < this.stopDeadline)) {
      const records = await this.journal.readAfter(this.cursor, READ_BYTES);
      if (records.length === 0) {
        await this.checkpointCursor();
        if (this.stopping) break;
        await this.sleep(this.options.flushIntervalMs * 10, 'idle');
        continue;
      }
      if (!this.stopping && records.length * this.pointsPerEntry < this.options.batchSize && this.lingeredAt !== this.cursor) {
        // Let a thin batch fill for one flush interval: fewer, larger writes.
        this.lingeredAt = this.cursor;
        await this.sleep(this.options.flushIntervalMs, 'linger');
        continue;
      }
      const batch = buildDrainBatch(records, this.options.batchSize);
      if (!batch) continue;
      this.pointsPerEntry = Math.max(1, batch.points / batch.entries);
      if (!(await this.writeWithRetry(batch))) break;
      this.cursor = batch.lastSeq;
      if (this.clock.now() - this.checkpointedAt >= CHECKPOINT_EVERY_MS) await this.checkpointCursor();
    }
    await this.checkpointCursor();
  }

  /** Moves the journal checkpoint to what the store has confirmed, if it is behind. */
  private async checkpointCursor(): Promise<void> {
    if (this.cursor <= this.journal.checkpointSeq) return;
    this.checkpointedAt = this.clock.now();
    await this.journal.checkpoint(this.cursor);
  }

  /** Returns false when it gave up because the drain is stopping past its deadline. */
  private async writeWithRetry(batch: DrainBatch): Promise<boolean> {
    const sorted = this.recent.sort(batch.readings);
    const toWrite: TelemetryBatch = { readings: sorted.fresh, arrivals: batch.arrivals, deadLetters: batch.deadLetters };
    const refused = new Set<Reading>();
    // Parts are written in order; if the drain stops between two, the checkpoint stays and the whole batch is rewritten (idempotent).
    for (const [index, part] of writeParts(toWrite, this.store.pointsPerWrite).entries()) {
      if (index > 0) await nextTurn();
      const outcome = await this.writeUntilAnswered(part);
      if (outcome.kind === 'stopped') return false;
      if (outcome.kind === 'rejected') {
        this.metrics.writeFailed('rejected');
        if (!(await this.isolateRejected(part, outcome.error, refused))) return false;
      }
    }
    // Only what the store kept counts as written: a refused reading's next copy must not look like a duplicate.
    this.recent.remember(refused.size === 0 ? toWrite.readings : toWrite.readings.filter((r) => !refused.has(r)));
    if (sorted.duplicates > 0) this.metrics.duplicateSkipped(sorted.duplicates);
    if (sorted.corrections.length > 0) {
      this.metrics.correctionWritten(sorted.corrections.length);
      const sample = sorted.corrections.slice(0, 3).map((r) => `${r.stationId} ${r.element} @${new Date(r.observedAt).toISOString()} = ${r.value}`);
      this.log.log(`${sorted.corrections.length} corrected reading(s) overwrote earlier values, e.g. ${sample.join('; ')}`, 'StoreDrain');
    }
    return true;
  }

  /** Writes one batch, retrying with backoff while the store is unavailable. */
  private async writeUntilAnswered(batch: TelemetryBatch): Promise<WriteOutcome> {
    for (let attempt = 0; ; attempt += 1) {
      const started = this.clock.now();
      try {
        await this.store.write(batch);
        this.metrics.batchWritten(batch.readings.length, (this.clock.now() - started) / 1000);
        if (!this.healthy) this.log.log(`the store accepts writes again after ${attempt} retries`, 'StoreDrain');
        this.healthy = true;
        return { kind: 'written' };
      } catch (error) {
        if (error instanceof StoreRejectedError) return { kind: 'rejected', error };
        this.metrics.writeFailed('unavailable');
        if (this.healthy || attempt % 20 === 0) {
          this.log.warn(`store write failed (attempt ${attempt + 1}); kept in the spool, retrying: ${(error as Error).message}`, 'StoreDrain');
        }
        this.healthy = false;
        if (this.stopping && this.clock.now() >= this.stopDeadline) return { kind: 'stopped' };
        await this.sleep(backoffDelay(attempt, this.options.retry), 'backoff');
      }
    }
  }

  /** Splits a refused write until the refused points are found; those become dead letters. False when stopped. */
  private async isolateRejected(batch: TelemetryBatch, cause: StoreRejectedError, refused: Set<Reading>): Promise<boolean> {
    const parts = splitBatch(batch);
    if (parts.length === 1) return this.keepRefused(batch, cause, refused);
    for (const part of parts) {
      const outcome = await this.writeUntilAnswered(part);
      if (outcome.kind === 'stopped') return false;
      if (outcome.kind === 'rejected' && !(await this.isolateRejected(part, outcome.error, refused))) return false;
    }
    return true;
  }

  /** One refused point: kept as a `store_rejected` dead letter (a refused dead letter can only be logged). */
  private async keepRefused(point: TelemetryBatch, cause: StoreRejectedError, refused: Set<Reading>): Promise<boolean> {
    for (const reading of point.readings) refused.add(reading);
    const letters = rejectedAsDeadLetters(point, cause.message, this.clock.now());
    if (letters.deadLetters.length === 0) {
      this.log.error(`the store refused a dead letter; it stays only in the journal and this log: ${cause.message} ${JSON.stringify(point.deadLetters)}`, 'StoreDrain');
      return true;
    }
    this.log.error(`the store refused a point; kept as a dead letter: ${cause.message}`, 'StoreDrain');
    const outcome = await this.writeUntilAnswered(letters);
    if (outcome.kind === 'rejected') {
      this.log.error(`the store refused the dead letter too; the point stays only in the journal and this log: ${letters.deadLetters[0]?.payload ?? ''}`, 'StoreDrain');
    }
    return outcome.kind !== 'stopped';
  }

  /** Waits `ms`, or less when notify() or stop() wakes it. */
  private async sleep(ms: number, why: 'idle' | 'linger' | 'backoff'): Promise<void> {
    this.waiting = why;
    try {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    } finally {
      this.wake = undefined;
      this.waiting = undefined;
    }
  }
}

/** Two halves of a batch with more than one point, or the batch itself when it holds one. */
function splitBatch(batch: TelemetryBatch): TelemetryBatch[] {
  const points = [
    ...batch.readings.map((p) => ({ readings: [p], arrivals: [], deadLetters: [] })),
    ...batch.arrivals.map((p) => ({ readings: [], arrivals: [p], deadLetters: [] })),
    ...batch.deadLetters.map((p) => ({ readings: [], arrivals: [], deadLetters: [p] })),
  ];
  if (points.length <= 1) return [batch];
  const middle = Math.ceil(points.length / 2);
  return [points.slice(0, middle), points.slice(middle)].map((half) => ({
    readings: half.flatMap((p) => p.readings),
    arrivals: half.flatMap((p) => p.arrivals),
    deadLetters: half.flatMap((p) => p.deadLetters),
  }));
}
