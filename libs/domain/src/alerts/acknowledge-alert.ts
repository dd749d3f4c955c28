import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import { AlertAlreadyAcknowledgedError } from './alert-already-acknowledged.error';
import { recordTransition, type AlertTransition } from './alert-transition';

/**
 * A person takes an alert: an active one becomes acknowledged; a resolved one nobody looked at is
 * acknowledged and closed (it leaves the visible list). Acknowledging twice is a conflict.
 */
export function acknowledgeAlert(alert: Alert, actor: string, note: string | undefined, at: number): AlertTransition {
  if (alert.acknowledged) {
    throw new AlertAlreadyAcknowledgedError(alert.id, alert.state, alert.acknowledgedBy, alert.acknowledgedAt);
  }
  const events: AlertEvent[] = [];
  const resolved = alert.state === 'resolved';
  const acknowledged = recordTransition(
    alert,
    {
      type: 'acknowledged',
      at,
      state: resolved ? 'resolved' : 'acknowledged',
      acknowledged: true,
      actor,
      ...(note !== undefined && { note }),
    },
    events,
  );
  const result = resolved ? recordTransition(acknowledged, { type: 'closed', at }, events) : acknowledged;
  return { alert: result, events };
}
