import type { Reading } from '../../../telemetry/reading';
import { rainReading } from './rain-gauges';

const FIVE_MINUTES = 5 * 60_000;

/** A gauge's timed 5-minute reports in (from, to], each of `millimetres` (dry by default). */
export function everyFiveMinutes(stationId: string, from: number, to: number, millimetres = 0): Reading[] {
  const reports: Reading[] = [];
  for (let at = Math.floor(from / FIVE_MINUTES) * FIVE_MINUTES + FIVE_MINUTES; at <= to; at += FIVE_MINUTES) {
    reports.push(rainReading(stationId, at, millimetres));
  }
  return reports;
}

/** The reports with the gauge's one at `observedAt` (if any) given `millimetres` instead: a burst within a steady series. */
export function withBurst(reports: readonly Reading[], stationId: string, observedAt: number, millimetres: number): Reading[] {
  return reports.map((reading) => (reading.stationId === stationId && reading.observedAt === observedAt ? { ...reading, value: millimetres } : reading));
}

/** Sorted by observation time, as a live feed would bring them. */
export function byObservationTime(reports: readonly Reading[]): Reading[] {
  return [...reports].sort((a, b) => a.observedAt - b.observedAt || a.stationId.localeCompare(b.stationId));
}
