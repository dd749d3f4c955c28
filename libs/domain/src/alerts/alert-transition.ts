import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import { applyAlertEvent } from './apply-alert-event';

/** An alert after an outcome, acknowledgement or tick, and the events that got it there (maybe none). */
export interface AlertTransition {
  readonly alert: Alert;
  readonly events: readonly AlertEvent[];
}

/** What one transition sets; the rest of the event is copied from the alert. */
export type AlertEventChange = Pick<AlertEvent, 'type' | 'at'> &
  Partial<Pick<AlertEvent, 'observedAt' | 'severity' | 'previousSeverity' | 'state' | 'acknowledged' | 'details' | 'staleSince' | 'actor' | 'note'>>;

/** Builds the event for a transition of `alert`, records it in `events`, and returns the alert folded over it. */
export function recordTransition(alert: Alert, change: AlertEventChange, events: AlertEvent[]): Alert {
  const event = transitionEvent(alert, change);
  events.push(event);
  return applyAlertEvent(alert, event);
}

export function transitionEvent(alert: Alert, change: AlertEventChange): AlertEvent {
  return {
    alertId: alert.id,
    severity: alert.severity,
    state: alert.state,
    acknowledged: alert.acknowledged,
    ruleId: alert.ruleId,
    kind: alert.kind,
    subjectId: alert.subjectId,
    stationIds: alert.stationIds,
    ...(alert.district !== undefined && { district: alert.district }),
    ...(alert.basin !== undefined && { basin: alert.basin }),
    details: alert.details,
    ...change,
  };
}
