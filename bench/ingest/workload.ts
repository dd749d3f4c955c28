import type { Element, Reading, Station } from '@hydro/domain';
import { cellularReports, registryStations, type Report } from '../../test/support/station-reports';

/**
 * What one benchmark run publishes: `count` cellular reports per station of the registry, each
 * with every element its station measures, interleaved across stations as a network sends them.
 * Deterministic, so the parent and the publisher children build the same list from the spec.
 */
export interface WorkloadSpec {
  /** Reports per station; every (station, report) has its own observation time, so readings are distinct. */
  readonly count: number;
  /** Observation time of each station's first report, epoch ms (old data is accepted; only future times are refused). */
  readonly start: number;
  /** `all`: the 1,418 stations of the registry (2–4 elements, 2.23 on average); `four-elements`: only those measuring 4. */
  readonly stations: 'all' | 'four-elements';
}

/** A reading chosen to be looked for in InfluxDB: the first element of one published report. */
export interface SamplePoint {
  readonly index: number;
  readonly stationId: string;
  readonly element: string;
  readonly observedAt: number;
}

export function workloadStations(spec: WorkloadSpec): Station[] {
  const stations = registryStations();
  return spec.stations === 'all' ? stations : stations.filter((s) => s.elements.length === 4);
}

/** The reports as topic + payload bytes, ready to publish. */
export function workloadMessages(spec: WorkloadSpec): Array<{ topic: string; payload: Buffer }> {
  return cellularReports(workloadStations(spec), spec.count, spec.start).map((r: Report) => ({ topic: r.topic, payload: Buffer.from(r.payload) }));
}

/** The readings the workload's messages carry, as the ingestor would store them (all good), in publish order. */
export function workloadReadings(spec: WorkloadSpec): Reading[] {
  const readings: Reading[] = [];
  for (const message of workloadMessages(spec)) {
    const body = JSON.parse(message.payload.toString('utf8')) as { stationId: string; observedAt: number; readings: Record<string, number> };
    for (const [element, value] of Object.entries(body.readings)) {
      readings.push({ stationId: body.stationId, element: element as Element, observedAt: body.observedAt, value, quality: 'good' });
    }
  }
  return readings;
}

export interface WorkloadTotals {
  readonly messages: number;
  readonly readings: number;
  /** Points the ingestor writes per message: its readings plus one arrival. */
  readonly pointsPerMessage: number;
  readonly readingsPerMessage: number;
}

export function workloadTotals(spec: WorkloadSpec): WorkloadTotals {
  const stations = workloadStations(spec);
  const messages = stations.length * spec.count;
  const readings = stations.reduce((sum, s) => sum + s.elements.length, 0) * spec.count;
  return { messages, readings, readingsPerMessage: readings / messages, pointsPerMessage: (readings + messages) / messages };
}

/** Every `every`-th message (indices 0, every, 2·every, …) as the reading to look for once it has landed. */
export function samplePoints(spec: WorkloadSpec, every: number): SamplePoint[] {
  const reports = cellularReports(workloadStations(spec), spec.count, spec.start);
  const samples: SamplePoint[] = [];
  for (let index = 0; index < reports.length; index += every) {
    const body = JSON.parse((reports[index] as Report).payload) as { stationId: string; observedAt: number; readings: Record<string, number> };
    samples.push({ index, stationId: body.stationId, element: Object.keys(body.readings)[0] as string, observedAt: body.observedAt });
  }
  return samples;
}
