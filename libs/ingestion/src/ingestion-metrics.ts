import type { DeadLetterReason } from '@hydro/domain';

/** Counters the pipeline reports; the server wires them to Prometheus. */
export interface IngestionMetrics {
  messageReceived(): void;
  readingsAccepted(count: number): void;
  deadLettered(reason: DeadLetterReason): void;
  /** Readings the store confirmed, and how long the write took. */
  batchWritten(readings: number, seconds: number): void;
  writeFailed(kind: 'unavailable' | 'rejected'): void;
  duplicateSkipped(count: number): void;
  correctionWritten(count: number): void;
}

export const noMetrics: IngestionMetrics = {
  messageReceived: () => undefined,
  readingsAccepted: () => undefined,
  deadLettered: () => undefined,
  batchWritten: () => undefined,
  writeFailed: () => undefined,
  duplicateSkipped: () => undefined,
  correctionWritten: () => undefined,
};
