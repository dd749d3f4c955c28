import { type Clock, DEFAULT_INTERPRET_OPTIONS, type InterpretOptions, type StationLookup, type TelemetryOutcome } from '@hydro/domain';
import { backoffDelay } from './drain/backoff';
import { type DrainableJournal, type DrainOptions, StoreDrain } from './drain/store-drain';
import type { IngestionMetrics } from './ingestion-metrics';
import { decodeJournalEntry } from './intake/journal-entry';
import { type AppendOnlyJournal, TelemetryIntake } from './intake/telemetry-intake';
import type { Log } from './log';
import type { TelemetrySource } from './source/telemetry-source';
import type { ReadingStore } from './store/reading-store';

export interface PipelineJournal extends AppendOnlyJournal, DrainableJournal {
  readonly pendingBytes: number;
  close(): Promise<void>;
}

export interface PipelineOptions {
  readonly interpret: InterpretOptions;
  readonly drain: DrainOptions;
  /** Consumption resumes when the spool is below this share of its bound (hysteresis against flapping). */
  readonly resumeBelow: number;
  readonly spoolMaxBytes: number;
  /** How long shutdown keeps writing the spool to the store before leaving the rest for the next start. */
  readonly shutdownGraceMs: number;
}

/**
 * Told of every message's outcome once it is durable (before the store has it): station health and
 * the rules follow readings as they arrive. Called synchronously on the acknowledgement path, so a
 * listener only records and returns; it must not throw (a throw is logged and ignored).
 */
export type AcceptedTelemetryListener = (outcome: TelemetryOutcome) => void;

/** Journal bytes read per step when replaying the spool to listeners at start. */
const REPLAY_STEP_BYTES = 4 * 1024 * 1024;

export interface PipelineStatus {
  readonly source: string;
  readonly consuming: boolean;
  readonly storePrepared: boolean;
  readonly storeWritable: boolean;
  readonly spoolBytes: number;
  readonly spoolEntries: number;
}

/**
 * The ingestion path end to end: source → intake (interpret, journal, acknowledge)
 * → drain (journal → store). Framework-free; the Nest module only starts and stops it.
 */
export class TelemetryPipeline {
  private readonly intake: TelemetryIntake;
  private readonly drain: StoreDrain;
  private storePrepared = false;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private preparing: Promise<void> | undefined;
  private readonly listeners: AcceptedTelemetryListener[] = [];
  private markStorePrepared: () => void = () => undefined;
  /** Settles once the store is prepared (never, if the pipeline stops first): readers of the store wait for it. */
  readonly storePreparedOnce = new Promise<void>((resolve) => (this.markStorePrepared = resolve));

  constructor(
    private readonly source: TelemetrySource,
    private readonly journal: PipelineJournal,
    private readonly store: ReadingStore,
    stations: StationLookup,
    private readonly clock: Clock,
    private readonly options: PipelineOptions,
    private readonly log: Log,
    metrics: IngestionMetrics,
  ) {
    this.drain = new StoreDrain(journal, store, options.drain, clock, log, metrics);
    const onDurable = (outcome: TelemetryOutcome): void => {
      this.drain.notify();
      this.tell(outcome);
    };
    this.intake = new TelemetryIntake(journal, stations, clock, options.interpret, metrics, onDurable, options.spoolMaxBytes);
  }

  /** Register before start(): listeners also receive what the spool holds from before a restart. */
  onAccepted(listener: AcceptedTelemetryListener): void {
    this.listeners.push(listener);
  }

  /**
   * Starts consuming at once, whether or not the store answers: readings wait in the spool.
   * Rejects only when the source refuses us for good (a refused subscription).
   */
  async start(): Promise<void> {
    await this.replaySpool();
    this.preparing = this.prepareStore();
    await this.source.start({
      accept: (topic, payload) => this.intake.accept(topic, payload),
      hasRoom: () => this.journal.pendingBytes < this.options.spoolMaxBytes * this.options.resumeBelow,
    });
  }

  /** Stops consuming (the broker keeps queueing), drains what it can within the grace period, closes. */
  stop(): Promise<void> {
    // A second caller (SIGTERM during shutdown, say) waits for the same drain.
    this.stopped ??= this.drainAndClose();
    return this.stopped;
  }

  private async drainAndClose(): Promise<void> {
    this.stopping = true;
    await this.source.stop();
    await this.preparing;
    if (this.storePrepared) await this.drain.stop(this.options.shutdownGraceMs);
    if (this.journal.lastSeq > this.journal.checkpointSeq) {
      this.log.warn(`${this.journal.lastSeq - this.journal.checkpointSeq} journal entries not yet in the store; they are written at the next start`, 'TelemetryPipeline');
    }
    await this.journal.close();
    await this.store.close();
  }

  /**
   * Entries accepted before a restart but not yet in the store are in no store query, so listeners
   * that rebuilt their state from the store get them from the spool. Listeners are idempotent by
   * reading identity, so an entry they had already seen changes nothing.
   */
  private async replaySpool(): Promise<void> {
    if (this.listeners.length === 0) return;
    let after = this.journal.checkpointSeq;
    while (after < this.journal.lastSeq) {
      const records = await this.journal.readAfter(after, REPLAY_STEP_BYTES);
      const last = records[records.length - 1];
      if (last === undefined) break;
      for (const record of records) this.tell(decodeJournalEntry(record.payload));
      after = last.seq;
    }
  }

  private tell(outcome: TelemetryOutcome): void {
    for (const listener of this.listeners) {
      try {
        listener(outcome);
      } catch (error) {
        this.log.error(`a listener of accepted telemetry failed: ${(error as Error).message}`, 'TelemetryPipeline');
      }
    }
  }

  status(): PipelineStatus {
    return {
      source: this.source.description,
      consuming: this.source.consuming,
      storePrepared: this.storePrepared,
      storeWritable: this.storePrepared && this.drain.storeWritable,
      spoolBytes: this.journal.pendingBytes,
      spoolEntries: this.drain.backlog,
    };
  }

  /** Prepares the store (creates the database), retrying while it is down, then starts the drain. */
  private async prepareStore(): Promise<void> {
    for (let attempt = 0; !this.stopping; attempt += 1) {
      try {
        await this.store.prepare();
        this.storePrepared = true;
        this.markStorePrepared();
        this.drain.start();
        return;
      } catch (error) {
        if (attempt % 10 === 0) this.log.warn(`store not ready, readings wait in the spool: ${(error as Error).message}`, 'TelemetryPipeline');
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, this.options.drain.retry)));
      }
    }
  }
}

/** Defaults the environment overrides; see docs/configuration.md. */
export const TELEMETRY_PIPELINE_DEFAULTS: PipelineOptions = {
  interpret: DEFAULT_INTERPRET_OPTIONS,
  drain: { batchSize: 5000, flushIntervalMs: 200, retry: { initialMs: 500, maxMs: 30_000 }, recentPoints: 200_000 },
  resumeBelow: 0.9,
  spoolMaxBytes: 1024 ** 3,
  shutdownGraceMs: 10_000,
};
