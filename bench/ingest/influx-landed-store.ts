import { countArrivals, countDeadLetters, countReadings } from '../../test/support/influx-counts';
import type { InfluxServer } from '../../test/support/influxdb-server';
import type { LandedStore, StoreChoice, StoreTarget } from './landed-store';
import type { SamplePoint } from './workload';

/**
 * The ingestor's InfluxDB, asked over HTTP. Counts are `SELECT count(<field>) FROM <measurement>`
 * (test/support/influx-counts.ts); samples are one multi-statement query of point lookups by
 * series and exact time. influxd answers them on its own cores' time, beside the writes.
 */
export class InfluxLandedStore implements LandedStore {
  readonly kind = 'InfluxDB';
  readonly processes: Readonly<Record<string, readonly number[]>>;

  constructor(
    private readonly influx: InfluxServer,
    influxPid: number,
    private readonly database: string,
  ) {
    this.processes = { influxd: [influxPid] };
  }

  countReadings(): Promise<number> {
    return countReadings(this.influx, this.database);
  }

  countArrivals(): Promise<number> {
    return countArrivals(this.influx, this.database);
  }

  countDeadLetters(): Promise<number> {
    return countDeadLetters(this.influx, this.database);
  }

  async landed(samples: readonly SamplePoint[]): Promise<ReadonlySet<number>> {
    const seen = new Set<number>();
    if (samples.length === 0) return seen;
    const response = await this.influx.query(samples.map(sampleStatement).join('; '), this.database);
    for (const result of response.results ?? []) {
      const sample = samples[result.statement_id];
      if (sample !== undefined && (result.series?.[0]?.values?.[0]?.[1] ?? 0) === 1) seen.add(sample.index);
    }
    return seen;
  }

  async dispose(): Promise<void> {
    await this.influx.query(`DROP DATABASE "${this.database}"`).catch(() => undefined);
  }
}

/** Station ids and elements come from the registry (digits and lower-case words): nothing to escape. */
export function sampleStatement(s: SamplePoint): string {
  return `SELECT count("value") FROM "reading" WHERE "station" = '${s.stationId}' AND "element" = '${s.element}' AND time = ${s.observedAt}ms`;
}

/** InfluxDB as the ingestor's store: one fresh database per run, dropped afterwards. */
export function influxTarget(influx: InfluxServer, influxPid: number): StoreTarget {
  const database = (tag: string): string => `bench_e2e_${tag}`;
  return {
    kind: 'InfluxDB',
    choose: (tag): StoreChoice => ({ influxUrl: influx.url, database: database(tag), env: {} }),
    open: (tag) => new InfluxLandedStore(influx, influxPid, database(tag)),
  };
}
