import { setTimeout as delay } from 'node:timers/promises';
import type { InfluxServer } from '../../test/support/influxdb-server';
import { epochMs } from './stats';
import type { SamplePoint } from './workload';

/**
 * Publish → landed-in-InfluxDB latency of sampled readings, seen from outside the ingestor.
 * Each sampled reading has a unique identity (station, element, observation time). While the
 * run lasts, the oldest published samples not yet seen are looked up in InfluxDB together (one
 * multi-statement query), and a sample's latency is taken when the answer that first shows it
 * arrives: an upper bound, late by at most one poll interval plus one query round trip.
 */
export class LandedSamples {
  private readonly publishedAt = new Map<number, number>();
  private readonly landedAt = new Map<number, number>();
  private readonly roundTrips: number[] = [];
  private stopped = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly influx: InfluxServer,
    private readonly database: string,
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
    const statements = waiting.map(
      (s) => `SELECT count("value") FROM "reading" WHERE "station" = '${s.stationId}' AND "element" = '${s.element}' AND time = ${s.observedAt}ms`,
    );
    const sent = epochMs();
    const response = await this.influx.query(statements.join('; '), this.database).catch(() => undefined);
    const answeredAt = epochMs();
    this.roundTrips.push(answeredAt - sent);
    for (const result of response?.results ?? []) {
      const sample = waiting[result.statement_id];
      if (sample !== undefined && (result.series?.[0]?.values?.[0]?.[1] ?? 0) === 1) this.landedAt.set(sample.index, answeredAt);
    }
  }
}
