import type { AlertEvent } from './alert-event';
import { alertIdOf } from './alert-id';
import type { BreachOutcome } from './alert-outcome';
import type { AlertSubject } from './alert-subject';
import type { AlertTransition } from './alert-transition';
import { applyAlertEvent } from './apply-alert-event';

/**
 * A breach with no open alert for its (rule, subject): a new alert, active and unacknowledged.
 * `revealed`: a higher peak a late batch showed within an episode already resolved (see alertIdOf).
 */
export function raiseAlert(subject: AlertSubject, outcome: BreachOutcome, detectedAt: number, revealed = false): AlertTransition {
  const event: AlertEvent = {
    alertId: alertIdOf(subject.ruleId, subject.subjectId, outcome.observedAt, revealed ? outcome.severity : undefined),
    type: 'raised',
    at: detectedAt,
    observedAt: outcome.observedAt,
    severity: outcome.severity,
    state: 'active',
    acknowledged: false,
    ruleId: subject.ruleId,
    kind: subject.kind,
    subjectId: subject.subjectId,
    stationIds: subject.stationIds,
    ...(subject.district !== undefined && { district: subject.district }),
    ...(subject.basin !== undefined && { basin: subject.basin }),
    details: outcome.details,
  };
  return { alert: applyAlertEvent(undefined, event), events: [event] };
}
