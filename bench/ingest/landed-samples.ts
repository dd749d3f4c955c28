import { setTimeout as delay } from 'node:timers/promises';
import type { LandedStore } from './landed-store';
import { epochMs } from './stats';
import type { SamplePoint } from './workload';

/**
 * Publish → landed-in-the-store latency of sampled readings, seen from outside the ingestor.
 * Each sampled reading has a unique identity (station, element, observation time). While the
 * run lasts, the oldest published samples not yet seen are looked up in the store together (one
 * multi-statement InfluxQL query, or one SQLite read transaction of key seeks), and a sample's
 * latency is taken when the answer that first shows it arrives: an upper bound, late by at most
 * one poll interval plus one query round trip.
 */
export class LandedSamples {
  private readonly publishedAt = new Map<number, number>();
  private readonly landedAt = new Map<number, number>();
  private readonly roundTrips: number[] = [];
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: LandedStore,
    private readonly samples: ReadonlyMap<number, SamplePoint>,
    private readonly options = { intervalMs: 100, batch: 50 },
  ) {}

  notePublished(index: number, at: number): void {
    if (this.samples.has(index)) this.publishedAt.set(index, at);
  }

  start(): void {
    this.running ??= this.poll();
  }

  /** Polls until every sample is seen or `deadline` (epoch ms) passes. */
  async finish(deadline: number): Promise<void> {
    while (this.landedAt.size < this.samples.size && epochMs() < deadline) await delay(50);
    this.stopped = true;
    await this.running;
  }

  /** Publish times of the samples, by message index: publishing progress over time. */
  get published(): ReadonlyMap<number, number> {
    return this.publishedAt;
  }

  /** Latency of each sample seen (ms), and how many were published but never seen. */
  result(): { latenciesMs: number[]; missing: number; roundTripsMs: number[] } {
    const latenciesMs = [...this.landedAt].map(([index, at]) => at - (this.publishedAt.get(index) as number));
    return { latenciesMs, missing: this.samples.size - this.landedAt.size, roundTripsMs: this.roundTrips };
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      const waiting = [...this.publishedAt]
        .filter(([index]) => !this.landedAt.has(index))
        .sort((a, b) => a[1] - b[1])
        .slice(0, this.options.batch)
        .map(([index]) => this.samples.get(index) as SamplePoint);
      if (waiting.length > 0) await this.lookUp(waiting);
      await delay(this.options.intervalMs);
    }
  }

  private async lookUp(waiting: readonly SamplePoint[]): Promise<void> {
    const sent = epochMs();
    // A failed look-up sees nothing; the samples are asked for again on the next poll.
    const seen = await this.store.landed(waiting).catch((): ReadonlySet<number> => new Set());
    const answeredAt = epochMs();
    this.roundTrips.push(answeredAt - sent);
    for (const index of seen) this.landedAt.set(index, answeredAt);
  }
}
