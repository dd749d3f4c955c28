import type { Channel } from '../telemetry/channel';
import type { ChannelHealth } from './channel-health';
import type { HealthStatus, ReportingStatus } from './health-status';
import { isBetterStatus } from './health-status';

export interface StationStatus {
  readonly status: HealthStatus;
  /** See ChannelHealth.since; for the station, taken over the channels that carry its status. */
  readonly since: number | undefined;
  /** Channels doing worse than the station: the station is carried by another channel. */
  readonly degradedChannels: readonly Channel[];
}

/**
 * A station is as good as its best channel not under maintenance: a dual-channel station
 * whose cellular link is down but whose BeiDou reports arrive is online, with cellular
 * degraded. Under maintenance as a whole, or on every channel, it is under maintenance.
 *
 * Since: online from the earliest connection among its online channels (an approximation:
 * channels may have taken turns); late or offline from when the last of its channels got there.
 */
export function stationStatus(channels: readonly ChannelHealth[], stationUnderMaintenance: boolean): StationStatus {
  const active = channels.filter((c): c is ChannelHealth & { status: ReportingStatus } => c.status !== 'maintenance');
  if (stationUnderMaintenance || active.length === 0) return { status: 'maintenance', since: undefined, degradedChannels: [] };
  let best: ReportingStatus = 'offline';
  for (const c of active) if (isBetterStatus(c.status, best)) best = c.status;
  const sinces = active.filter((c) => c.status === best && c.since !== undefined).map((c) => c.since!);
  const since = sinces.length === 0 ? undefined : best === 'online' ? Math.min(...sinces) : Math.max(...sinces);
  const degradedChannels = active.filter((c) => isBetterStatus(best, c.status)).map((c) => c.channel);
  return { status: best, since, degradedChannels };
}
