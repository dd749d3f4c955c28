import {
  type Clock,
  type InterpretOptions,
  type StationLookup,
  type TelemetryOutcome,
  interpretTelemetry,
} from '@hydro/domain';
import type { IngestionMetrics } from '../ingestion-metrics';
import { encodeJournalEntry } from './journal-entry';

/** What the intake needs of the journal: a durable append, and how much it holds for the store. */
export interface AppendOnlyJournal {
  append(payload: Buffer): Promise<number>;
  readonly pendingBytes: number;
}

/** Bytes of framing the journal adds to each entry (length, CRC, sequence). */
const FRAME_BYTES = 16;

/** The spool has reached its bound: do not acknowledge; let the broker hold the backlog. */
export class SpoolFullError extends Error {
  override readonly name = 'SpoolFullError';
}

/**
 * The acknowledgement point of the pipeline. `accept` resolves only once the message's
 * outcome (readings, arrivals, dead letters) is fsynced in the journal; the caller
 * acknowledges the message to the broker then, and not before.
 */
export class TelemetryIntake {
  /** Bytes handed to the journal and not yet durable: counted against the bound too. */
  private inFlightBytes = 0;

  constructor(
    private readonly journal: AppendOnlyJournal,
    private readonly stations: StationLookup,
    private readonly clock: Clock,
    private readonly options: InterpretOptions,
    private readonly metrics: IngestionMetrics,
    private readonly onDurable: (outcome: TelemetryOutcome) => void,
    private readonly spoolMaxBytes: number,
  ) {}

  async accept(topic: string, payload: Buffer): Promise<void> {
    if (this.journal.pendingBytes + this.inFlightBytes >= this.spoolMaxBytes) {
      throw new SpoolFullError('the spool is full; InfluxDB is not keeping up or is down');
    }
    this.metrics.messageReceived();
    const outcome = interpretTelemetry({ topic, payload, receivedAt: this.clock.now() }, this.stations, this.options);
    const entry = encodeJournalEntry(outcome);
    this.inFlightBytes += entry.length + FRAME_BYTES;
    try {
      await this.journal.append(entry);
    } finally {
      this.inFlightBytes -= entry.length + FRAME_BYTES;
    }
    if (outcome.readings.length > 0) this.metrics.readingsAccepted(outcome.readings.length);
    for (const letter of outcome.deadLetters) this.metrics.deadLettered(letter.reason);
    this.onDurable(outcome);
  }
}
