import type { ReportingStatus } from './health-status';

/**
 * How many expected reports are missing on one channel at `now`:
 *
 *   missed = max(0, floor((now − lastReceivedAt − allowanceMs) / intervalMs))
 *
 * The allowance absorbs normal transmission delay (BeiDou arrives late and batched, so its
 * allowance is larger). The first report counts as missed from lastReceivedAt + allowance +
 * interval exactly; one millisecond earlier nothing is missed yet.
 */
export function countMissedReports(now: number, lastReceivedAt: number, intervalMs: number, allowanceMs: number): number {
  const overdue = now - lastReceivedAt - allowanceMs;
  return overdue < intervalMs ? 0 : Math.floor(overdue / intervalMs);
}

/** No report missed: online; 1 to offlineAfterMissed − 1: late; offlineAfterMissed or more: offline. */
export function statusFromMissedReports(missed: number, offlineAfterMissed: number): ReportingStatus {
  if (missed >= offlineAfterMissed) return 'offline';
  return missed >= 1 ? 'late' : 'online';
}

/** The moment a channel that last reported at lastReceivedAt has missed `missed` reports. */
export function missedReportsAt(missed: number, lastReceivedAt: number, intervalMs: number, allowanceMs: number): number {
  return lastReceivedAt + allowanceMs + missed * intervalMs;
}
