import { writeFileSync } from 'node:fs';
import type { Channel, Station } from '@hydro/domain';
import { registryStations } from './station-reports';

/** What a test needs of a station: how often it reports, and over which channels. */
export interface StationWanted {
  readonly intervalMinutes: 5 | 60;
  readonly channels: readonly Channel[];
}

/**
 * Distinct stations of the committed registry, one per request, in request order: tests run on real
 * registry entries (names, districts, elements) without depending on particular ids.
 */
export function pickStations(wanted: readonly StationWanted[]): Station[] {
  const all = registryStations();
  const taken = new Set<string>();
  return wanted.map((want) => {
    const station = all.find(
      (s) =>
        !taken.has(s.id) &&
        s.reportingIntervalMinutes === want.intervalMinutes &&
        s.channels.length === want.channels.length &&
        want.channels.every((c) => s.channels.includes(c)),
    );
    if (station === undefined) throw new Error(`the registry has no more ${want.intervalMinutes}-minute stations on ${want.channels.join(' + ')}`);
    taken.add(station.id);
    return station;
  });
}

/**
 * Writes a registry file of these stations only, in this order (the centre assesses and reports them
 * in registry order). A small network keeps a test's alerts about the stations it is looking at.
 */
export function writeStationRegistry(file: string, stations: readonly Station[]): void {
  writeFileSync(file, JSON.stringify({ version: 1, stations }, null, 2));
}
