import { MINUTE_MS } from '../time/durations';
import type { TimeRange } from '../time/time-range';

/**
 * How many timed reports a station owes in the range: its observation times are the epoch-aligned
 * multiples of its interval (t mod interval = 0). Beijing is a whole number of hours from UTC, so hourly
 * slots fall on the hour in both; the slot at `from` counts, the one at `to` belongs to the next range.
 */
export function reportSlots(range: TimeRange, intervalMinutes: number): number {
  if (!(intervalMinutes > 0)) throw new RangeError(`A reporting interval must be positive, got ${intervalMinutes} minutes`);
  if (!(range.from < range.to)) return 0;
  const interval = intervalMinutes * MINUTE_MS;
  return Math.ceil(range.to / interval) - Math.ceil(range.from / interval);
}

/** Slots in the range less those inside the (disjoint) maintenance intervals. */
export function expectedReports(range: TimeRange, intervalMinutes: number, maintenance: readonly TimeRange[]): number {
  const excluded = maintenance.reduce((sum, interval) => sum + reportSlots(interval, intervalMinutes), 0);
  return reportSlots(range, intervalMinutes) - excluded;
}
