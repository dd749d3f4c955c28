/**
 * How a station or one of its channels is doing at one moment. `maintenance` is given from
 * outside (people put stations under maintenance); the others follow from missed reports.
 */
export const HEALTH_STATUSES = ['online', 'late', 'offline', 'maintenance'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

/** The statuses that follow from reports, best first. */
export type ReportingStatus = Exclude<HealthStatus, 'maintenance'>;

const RANK: Readonly<Record<ReportingStatus, number>> = { online: 0, late: 1, offline: 2 };

/** True when `a` is a better reporting status than `b` (online beats late beats offline). */
export function isBetterStatus(a: ReportingStatus, b: ReportingStatus): boolean {
  return RANK[a] < RANK[b];
}
