import { setTimeout as delay } from 'node:timers/promises';
import { epochMs } from './stats';

/** One look at the ingestor's own counters (GET /metrics). */
export interface IngestorSnapshot {
  readonly at: number;
  /** Messages taken from the broker (hydro_messages_received_total). */
  readonly received: number;
  /** Readings made durable in the journal, i.e. acknowledged (hydro_readings_accepted_total). */
  readonly accepted: number;
  /** Readings the store confirmed (hydro_readings_written_total). */
  readonly written: number;
  /** Batch writes to the store so far, and the seconds spent in them (hydro_store_write_seconds count and sum). */
  readonly storeWrites: number;
  readonly storeWriteSeconds: number;
}

const NAMES = {
  received: 'hydro_messages_received_total',
  accepted: 'hydro_readings_accepted_total',
  written: 'hydro_readings_written_total',
  storeWrites: 'hydro_store_write_seconds_count',
  storeWriteSeconds: 'hydro_store_write_seconds_sum',
} as const;

/**
 * Polls the ingestor's /metrics during a run, to split its time between intake (broker →
 * journal, acknowledged) and drain (journal → store). The counters are the ingestor's
 * own account; the benchmark's results come from the store itself, these only explain them.
 */
export class IngestorTimeline {
  private readonly snapshots: IngestorSnapshot[] = [];
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(private readonly metricsUrl: string, private readonly intervalMs = 250) {}

  start(): void {
    this.running ??= this.poll();
  }

  /** Stops polling after one last look, so the final counts are in. */
  async stop(): Promise<IngestorSnapshot[]> {
    this.stopped = true;
    await this.running;
    await this.snapshot();
    return this.snapshots;
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      await this.snapshot();
      await delay(this.intervalMs);
    }
  }

  private async snapshot(): Promise<void> {
    const text = await fetch(this.metricsUrl).then((r) => r.text()).catch(() => '');
    const at = epochMs();
    const value = (name: string): number => Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((l) => l.startsWith(`${name} `)) ?? '')?.[2] ?? Number.NaN);
    this.snapshots.push({
      at,
      received: value(NAMES.received),
      accepted: value(NAMES.accepted),
      written: value(NAMES.written),
      storeWrites: value(NAMES.storeWrites),
      storeWriteSeconds: value(NAMES.storeWriteSeconds),
    });
  }
}

/** When (seconds after `from`) a counter first reached `target`; NaN if it never did. */
export function reachedAfter(snapshots: readonly IngestorSnapshot[], pick: (s: IngestorSnapshot) => number, target: number, from: number): number {
  const hit = snapshots.find((s) => pick(s) >= target);
  return hit ? (hit.at - from) / 1000 : Number.NaN;
}
