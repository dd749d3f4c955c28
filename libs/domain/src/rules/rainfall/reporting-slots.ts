/**
 * Timed reports fall on epoch multiples of the station's reporting interval (see isOnSchedule), so the
 * slots a window expects follow from arithmetic alone. A station without a valid interval expects none.
 */

/** Number of timed-report slots in the half-open span (from, to]. */
export function slotsBetween(from: number, to: number, intervalMs: number): number {
  if (!(intervalMs > 0) || to <= from) return 0;
  return Math.floor(to / intervalMs) - Math.floor(from / intervalMs);
}

/** The latest slot at or before `t`; undefined without a valid interval. */
export function latestSlotAtOrBefore(t: number, intervalMs: number): number | undefined {
  if (!(intervalMs > 0)) return undefined;
  return Math.floor(t / intervalMs) * intervalMs;
}

