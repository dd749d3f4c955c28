import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import { applyAlertEvent } from './apply-alert-event';

/** One alert as it stands after its events, and those events in order. */
export interface AlertHistory {
  readonly alert: Alert;
  readonly events: readonly AlertEvent[];
}

/**
 * One alert's history from the alert events (any mix of alerts, in log order): for the alert detail
 * view, including alerts the book no longer holds. Undefined when no event names the id; throws
 * AlertHistoryError when the events do not start with 'raised'.
 */
export function foldAlertHistory(alertId: string, events: Iterable<AlertEvent>): AlertHistory | undefined {
  const own: AlertEvent[] = [];
  let alert: Alert | undefined;
  for (const event of events) {
    if (event.alertId !== alertId) continue;
    alert = applyAlertEvent(alert, event);
    own.push(event);
  }
  return alert === undefined ? undefined : { alert, events: own };
}
