import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import type { AlertPolicy } from './alert-policy';
import { recordTransition, type AlertTransition } from './alert-transition';

/**
 * When an unacknowledged alert is due for its one re-notification (to the duty leader): renotifyAfterMs
 * after it was raised or last escalated. Undefined when none is pending: acknowledged, resolved,
 * already re-notified at this level, or the rule does not re-notify.
 */
export function renotifyDueAt(alert: Alert, policy: AlertPolicy): number | undefined {
  if (alert.state !== 'active' || policy.renotifyAfterMs === undefined || alert.renotifiedAt !== undefined) return undefined;
  return (alert.escalatedAt ?? alert.raisedAt) + policy.renotifyAfterMs;
}

/** The 'renotified' transition at `now` if due (exactly at the due time counts), else undefined. */
export function renotifyIfDue(alert: Alert, policy: AlertPolicy, now: number): AlertTransition | undefined {
  const dueAt = renotifyDueAt(alert, policy);
  if (dueAt === undefined || now < dueAt) return undefined;
  const events: AlertEvent[] = [];
  return { alert: recordTransition(alert, { type: 'renotified', at: now }, events), events };
}
