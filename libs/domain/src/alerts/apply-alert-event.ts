import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import { AlertHistoryError } from './alert-history.error';
import { moreSevere } from './severity';

/**
 * Folds one event into the alert it belongs to. The live book changes state only through this
 * function, so folding the logged events rebuilds the same alerts. What moves without an event
 * (a same-severity breach's newer observation time and details, the start of a clearing run) is
 * caught up by the next event: every event carries the alert's severity, state and details after it.
 */
export function applyAlertEvent(alert: Alert | undefined, event: AlertEvent): Alert {
  if (event.type === 'raised') {
    if (alert !== undefined) throw new AlertHistoryError(event.alertId, event.type, 'the alert was already raised');
    return raisedAlert(event);
  }
  if (alert === undefined) throw new AlertHistoryError(event.alertId, event.type, 'no raised event before it');
  if (alert.id !== event.alertId) throw new AlertHistoryError(event.alertId, event.type, `folded into alert ${alert.id}`);
  if (alert.closedAt !== undefined) throw new AlertHistoryError(event.alertId, event.type, 'the alert is closed');

  const base: Alert = {
    ...alert,
    state: event.state,
    acknowledged: event.acknowledged,
    severity: event.severity,
    peakSeverity: moreSevere(alert.peakSeverity, event.severity),
    lastObservedAt: event.observedAt === undefined ? alert.lastObservedAt : Math.max(alert.lastObservedAt, event.observedAt),
    details: event.details,
    version: alert.version + 1,
  };
  switch (event.type) {
    case 'escalated':
      return { ...base, escalatedAt: event.at, renotifiedAt: undefined, clearingSince: undefined };
    case 'deescalated':
      return { ...base, clearingSince: undefined };
    case 'acknowledged':
      return { ...base, acknowledgedBy: event.actor, acknowledgedAt: event.at, ackNote: event.note };
    case 'resolved':
      return {
        ...base,
        resolvedAt: event.at,
        resolvedObservedAt: event.observedAt,
        clearingSince: undefined,
        staleSince: undefined,
      };
    case 'stale':
      return { ...base, staleSince: event.staleSince };
    case 'fresh':
      return { ...base, staleSince: undefined };
    case 'renotified':
      return { ...base, renotifiedAt: event.at };
    case 'closed':
      return { ...base, closedAt: event.at };
  }
}

function raisedAlert(event: AlertEvent): Alert {
  const observedAt = event.observedAt ?? event.at;
  return {
    id: event.alertId,
    ruleId: event.ruleId,
    kind: event.kind,
    subjectId: event.subjectId,
    stationIds: event.stationIds,
    ...(event.district !== undefined && { district: event.district }),
    ...(event.basin !== undefined && { basin: event.basin }),
    state: event.state,
    acknowledged: event.acknowledged,
    severity: event.severity,
    peakSeverity: event.severity,
    raisedAt: event.at,
    raisedObservedAt: observedAt,
    lastObservedAt: observedAt,
    details: event.details,
    version: 1,
  };
}
