import type { DeadLetterReason } from '@hydro/domain';
import type { IngestionMetrics } from '@hydro/ingestion';
import { Counter, Histogram, type Registry } from 'prom-client';

/** The pipeline's counters as Prometheus metrics. */
export class PrometheusIngestionMetrics implements IngestionMetrics {
  private readonly received: Counter;
  private readonly accepted: Counter;
  private readonly written: Counter;
  private readonly deadLetters: Counter<'reason'>;
  private readonly writeSeconds: Histogram;
  private readonly failures: Counter<'kind'>;
  private readonly duplicates: Counter;
  private readonly corrections: Counter;

  constructor(registry: Registry) {
    const registers = [registry];
    this.received = new Counter({ name: 'hydro_messages_received_total', help: 'Telemetry messages taken from the broker', registers });
    this.accepted = new Counter({ name: 'hydro_readings_accepted_total', help: 'Readings accepted into the journal (copies included)', registers });
    this.written = new Counter({ name: 'hydro_readings_written_total', help: 'Readings the store confirmed', registers });
    this.deadLetters = new Counter({
      name: 'hydro_dead_letters_total',
      help: 'Messages or readings kept aside, by reason',
      labelNames: ['reason'],
      registers,
    });
    this.writeSeconds = new Histogram({
      name: 'hydro_store_write_seconds',
      help: 'Latency of one batch write to the store',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.failures = new Counter({
      name: 'hydro_store_write_failures_total',
      help: 'Failed batch writes: unavailable (retried) or rejected (isolated into dead letters)',
      labelNames: ['kind'],
      registers,
    });
    this.duplicates = new Counter({ name: 'hydro_readings_duplicate_total', help: 'Exact copies (other channel, redelivery) not rewritten', registers });
    this.corrections = new Counter({ name: 'hydro_readings_corrected_total', help: 'Readings that overwrote a different earlier value', registers });
  }

  messageReceived(): void {
    this.received.inc();
  }

  readingsAccepted(count: number): void {
    this.accepted.inc(count);
  }

  deadLettered(reason: DeadLetterReason): void {
    this.deadLetters.inc({ reason });
  }

  batchWritten(readings: number, seconds: number): void {
    this.written.inc(readings);
    this.writeSeconds.observe(seconds);
  }

  writeFailed(kind: 'unavailable' | 'rejected'): void {
    this.failures.inc({ kind });
  }

  duplicateSkipped(count: number): void {
    this.duplicates.inc(count);
  }

  correctionWritten(count: number): void {
    this.corrections.inc(count);
  }
}
