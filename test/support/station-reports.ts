import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Station, telemetryTopic } from '@hydro/domain';

export interface Report {
  readonly topic: string;
  readonly payload: string;
}

/** The committed registry, read as plain data (the tests check the loader separately). */
export function registryStations(): Station[] {
  const file = JSON.parse(readFileSync(join(__dirname, '../../config/stations.json'), 'utf8')) as { stations: Station[] };
  return file.stations;
}

/** A value inside the station's limits that varies with the report index, so rewrites are visible. */
function valueFor(station: Station, element: Station['elements'][number], index: number): number {
  const limits = station.limits[element] ?? { min: 0, max: 10 };
  const span = limits.max - limits.min;
  return Math.round((limits.min + span * (0.2 + ((index * 7) % 50) / 100)) * 1000) / 1000;
}

/**
 * `count` cellular reports per station, every reporting interval from `start`, each
 * carrying every element the station measures. Returns them interleaved across stations,
 * as a network of RTUs would send them.
 */
export function cellularReports(stations: readonly Station[], count: number, start: number): Report[] {
  const reports: Report[] = [];
  for (let i = 0; i < count; i += 1) {
    for (const station of stations) {
      const observedAt = start + i * station.reportingIntervalMinutes * 60_000;
      const readings = Object.fromEntries(station.elements.map((e) => [e, valueFor(station, e, i)]));
      reports.push({ topic: telemetryTopic(station.id), payload: JSON.stringify({ stationId: station.id, observedAt, channel: 'cellular', readings }) });
    }
  }
  return reports;
}

/** The BeiDou copies of cellular reports, for the stations that have the channel. */
export function beidouCopies(stations: readonly Station[], reports: readonly Report[]): Report[] {
  const dual = new Set(stations.filter((s) => s.channels.includes('beidou')).map((s) => telemetryTopic(s.id)));
  return reports
    .filter((r) => dual.has(r.topic))
    .map((r) => ({ topic: r.topic, payload: r.payload.replace('"channel":"cellular"', '"channel":"beidou"') }));
}

/** How many distinct readings (station, element, time) the reports carry. */
export function distinctReadings(reports: readonly Report[]): number {
  const keys = new Set<string>();
  for (const report of reports) {
    const body = JSON.parse(report.payload) as { stationId: string; observedAt: number; readings: Record<string, number> };
    for (const element of Object.keys(body.readings)) keys.add(`${body.stationId}|${element}|${body.observedAt}`);
  }
  return keys.size;
}
