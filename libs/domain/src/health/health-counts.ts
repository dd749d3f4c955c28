import type { Channel } from '../telemetry/channel';
import { CHANNELS } from '../telemetry/channel';
import type { HealthStatus } from './health-status';
import { HEALTH_STATUSES } from './health-status';
import type { StationHealthSnapshot } from './station-health-snapshot';

export type StatusCounts = Readonly<Record<HealthStatus, number>>;

/** Stations by status, and channels by status per channel: what the Prometheus gauges show. */
export interface HealthCounts {
  readonly stations: StatusCounts;
  /** Only stations that have the channel count for it. */
  readonly channels: Readonly<Record<Channel, StatusCounts>>;
}

export function countByStatus(snapshots: readonly StationHealthSnapshot[]): HealthCounts {
  const stations = zeroCounts();
  const channels = Object.fromEntries(CHANNELS.map((c) => [c, zeroCounts()])) as Record<Channel, Record<HealthStatus, number>>;
  for (const snapshot of snapshots) {
    stations[snapshot.status]++;
    for (const c of snapshot.channels) channels[c.channel][c.status]++;
  }
  return { stations, channels };
}

/**
 * Share of a channel's stations online, maintenance left out (as in 畅通率);
 * undefined when no station has the channel outside maintenance.
 */
export function channelAvailability(counts: HealthCounts, channel: Channel): number | undefined {
  const { online, late, offline } = counts.channels[channel];
  const total = online + late + offline;
  return total === 0 ? undefined : online / total;
}

function zeroCounts(): Record<HealthStatus, number> {
  return Object.fromEntries(HEALTH_STATUSES.map((s) => [s, 0])) as Record<HealthStatus, number>;
}
