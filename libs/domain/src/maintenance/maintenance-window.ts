import type { Channel } from '../telemetry/channel';
import type { TimeRange } from '../time/time-range';

/**
 * A station, or one of its channels, taken out of service by a maintainer: while it lasts, silence is
 * expected, so it raises no offline alert and its time is left out of the arrival rate.
 */
export interface MaintenanceWindow {
  /** `MW-1`, `MW-2`…: short enough for a maintainer to read out on the phone. */
  readonly id: string;
  readonly stationId: string;
  /** Absent: the whole station. */
  readonly channel?: Channel;
  readonly reason: string;
  /** Start, epoch ms (inclusive). */
  readonly from: number;
  /** Planned end, epoch ms (exclusive). */
  readonly until: number;
  /** When a maintainer ended it before `until`. */
  readonly endedAt?: number;
  readonly openedBy: string;
  readonly endedBy?: string;
}

/**
 * When the window really ends: `endedAt` if it was ended early, else `until`. Kept inside [from, until]
 * so that a window ended before it began (a cancelled plan) covers nothing, and ending late extends nothing.
 */
export function effectiveEnd(window: MaintenanceWindow): number {
  const end = window.endedAt ?? window.until;
  return Math.min(window.until, Math.max(window.from, end));
}

/** The time the window really covers, half-open. */
export function windowRange(window: MaintenanceWindow): TimeRange {
  return { from: window.from, to: effectiveEnd(window) };
}

/** Whether the window takes this channel (or, for `undefined`, the whole station) out of service. */
export function windowAppliesTo(window: MaintenanceWindow, channel: Channel | undefined): boolean {
  return window.channel === undefined || window.channel === channel;
}
