import type { Station } from '../../stations/station';
import type { Arrival } from '../../telemetry/reading';
import { MINUTE_MS } from '../../time/durations';
import type { TimeRange } from '../../time/time-range';
import type { ArrivalCount, CountChannel } from '../arrival-count';

/**
 * What a store answers for arrival counts, computed the slow obvious way for specs: distinct on-schedule
 * observation times per station, channel (or any) and epoch-aligned bucket, inside the range.
 */
export function countArrivals(
  arrivals: readonly Arrival[],
  stations: readonly Station[],
  channel: CountChannel,
  range: TimeRange,
  every: number,
): ArrivalCount[] {
  const seen = new Map<string, Set<number>>();
  for (const arrival of arrivals) {
    const station = stations.find((s) => s.id === arrival.stationId);
    if (!station) continue;
    if (channel !== 'any' && arrival.channel !== channel) continue;
    if (arrival.observedAt < range.from || arrival.observedAt >= range.to) continue;
    if (!arrival.onSchedule || arrival.observedAt % (station.reportingIntervalMinutes * MINUTE_MS) !== 0) continue;
    const bucket = Math.floor(arrival.observedAt / every) * every;
    const key = `${arrival.stationId}|${bucket}`;
    const times = seen.get(key) ?? new Set<number>();
    times.add(arrival.observedAt);
    seen.set(key, times);
  }
  return [...seen].map(([key, times]) => {
    const [stationId, bucket] = key.split('|') as [string, string];
    return { stationId, channel, time: Number(bucket), count: times.size };
  });
}

/** Timed reports of one station over one channel, one per slot in [from, to) unless skipped. */
export function reportsEvery(
  station: Station,
  channel: Arrival['channel'],
  range: TimeRange,
  skip: (t: number) => boolean = () => false,
): Arrival[] {
  const interval = station.reportingIntervalMinutes * MINUTE_MS;
  const arrivals: Arrival[] = [];
  for (let t = Math.ceil(range.from / interval) * interval; t < range.to; t += interval) {
    if (!skip(t)) arrivals.push({ stationId: station.id, channel, observedAt: t, receivedAt: t + MINUTE_MS, onSchedule: true });
  }
  return arrivals;
}
