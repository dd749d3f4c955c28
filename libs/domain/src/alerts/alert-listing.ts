import type { Alert, AlertState } from './alert';
import { audienceOf, type AlertAudience, type AlertKind } from './alert-kind';
import { compareSeverity, type Severity } from './severity';

/** Which alerts a list shows; every field given must match. Closed alerts are left out unless asked for. */
export interface AlertFilter {
  readonly state?: AlertState | readonly AlertState[];
  readonly acknowledged?: boolean;
  readonly severity?: Severity | readonly Severity[];
  /** This level or more severe. */
  readonly minSeverity?: Severity;
  readonly kind?: AlertKind | readonly AlertKind[];
  readonly audience?: AlertAudience;
  readonly district?: string;
  readonly basin?: string;
  /** Detection time of raising, inclusive lower bound, epoch ms. */
  readonly raisedFrom?: number;
  /** Detection time of raising, exclusive upper bound, epoch ms. */
  readonly raisedTo?: number;
  /** Also resolved-and-acknowledged alerts still held in memory. */
  readonly includeClosed?: boolean;
}

export function matchesAlertFilter(alert: Alert, filter: AlertFilter): boolean {
  if (alert.closedAt !== undefined && filter.includeClosed !== true) return false;
  if (!matchesOneOf(alert.state, filter.state)) return false;
  if (filter.acknowledged !== undefined && alert.acknowledged !== filter.acknowledged) return false;
  if (!matchesOneOf(alert.severity, filter.severity)) return false;
  if (filter.minSeverity !== undefined && compareSeverity(alert.severity, filter.minSeverity) < 0) return false;
  if (!matchesOneOf(alert.kind, filter.kind)) return false;
  if (filter.audience !== undefined && audienceOf(alert.kind) !== filter.audience) return false;
  if (filter.district !== undefined && alert.district !== filter.district) return false;
  if (filter.basin !== undefined && alert.basin !== filter.basin) return false;
  if (filter.raisedFrom !== undefined && alert.raisedAt < filter.raisedFrom) return false;
  if (filter.raisedTo !== undefined && alert.raisedAt >= filter.raisedTo) return false;
  return true;
}

function matchesOneOf<T extends string>(value: T, wanted: T | readonly T[] | undefined): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string' ? value === wanted : wanted.includes(value);
}

/** Duty order: most severe first, then the oldest (it has waited longest), then by id for a stable order. */
export function compareAlertsForDuty(a: Alert, b: Alert): number {
  return compareSeverity(b.severity, a.severity) || a.raisedAt - b.raisedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
