import type { Channel } from '../telemetry/channel';
import type { HealthPolicy } from './health-policy';
import type { HealthStatus } from './health-status';
import { countMissedReports, missedReportsAt, statusFromMissedReports } from './missed-reports';

/** What the centre knows of one channel of one station. */
export interface ChannelTrack {
  /** Newest receipt time over this channel. */
  readonly lastReceivedAt: number;
  /** Receipt that ended the last gap of at least one missed report (or the first receipt). */
  readonly connectedSince: number;
}

/** One channel of one station at one moment. */
export interface ChannelHealth {
  readonly channel: Channel;
  readonly status: HealthStatus;
  /**
   * When the channel entered its status: online since the receipt that ended the last gap;
   * late and offline since the moment the first, respectively the Nth, report was missed.
   * Undefined under maintenance and for a channel never heard from.
   */
  readonly since: number | undefined;
  readonly lastReceivedAt: number | undefined;
  /** Nothing ever received over this channel (since start, or in the store at restore). */
  readonly neverReported: boolean;
  /** Expected reports missing now; undefined when never reported or under maintenance. */
  readonly missedReports: number | undefined;
}

export function channelHealth(
  channel: Channel,
  track: ChannelTrack | undefined,
  intervalMs: number,
  now: number,
  underMaintenance: boolean,
  policy: HealthPolicy,
): ChannelHealth {
  const lastReceivedAt = track?.lastReceivedAt;
  const neverReported = track === undefined;
  if (underMaintenance) return { channel, status: 'maintenance', since: undefined, lastReceivedAt, neverReported, missedReports: undefined };
  if (track === undefined) return { channel, status: 'offline', since: undefined, lastReceivedAt, neverReported, missedReports: undefined };
  const allowance = policy.allowanceMs[channel];
  const missed = countMissedReports(now, track.lastReceivedAt, intervalMs, allowance);
  const status = statusFromMissedReports(missed, policy.offlineAfterMissed);
  const since =
    status === 'online'
      ? track.connectedSince
      : missedReportsAt(status === 'late' ? 1 : policy.offlineAfterMissed, track.lastReceivedAt, intervalMs, allowance);
  return { channel, status, since, lastReceivedAt, neverReported, missedReports: missed };
}
