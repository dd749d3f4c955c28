import type { Alert } from './alert';
import type { AlertEvent } from './alert-event';
import type { AlertOutcome, BreachOutcome, NoDataOutcome, NormalOutcome } from './alert-outcome';
import type { AlertPolicy } from './alert-policy';
import { recordTransition, type AlertTransition } from './alert-transition';
import { compareSeverity } from './severity';

const NO_EVENTS: readonly AlertEvent[] = Object.freeze([]);

/**
 * One outcome applied to an open (active or acknowledged) alert, as per-outcome transition functions
 * in the manner of Grafana's ngalert state.go. Late outcomes (observed before the alert's
 * lastObservedAt) may escalate, since a delayed BeiDou batch can reveal a higher peak, but never
 * de-escalate or resolve: evaluators send a fresh outcome for the latest time anyway. A late normal
 * inside a clearing run that a late breach broke is not used to restart it, so such a run restarts
 * at the next outcome in time: resolution comes later, never earlier, than in observation order.
 */
export function observeOpenAlert(alert: Alert, outcome: AlertOutcome, policy: AlertPolicy, detectedAt: number): AlertTransition {
  if (outcome.type === 'no_data') return onNoData(alert, outcome, detectedAt);
  const events: AlertEvent[] = [];
  let current = alert;
  if (current.staleSince !== undefined && outcome.observedAt > current.staleSince) {
    current = recordTransition(current, { type: 'fresh', at: detectedAt, observedAt: outcome.observedAt }, events);
  }
  current = outcome.type === 'breach' ? onBreach(current, outcome, detectedAt, events) : onNormal(current, outcome, policy, detectedAt, events);
  return { alert: current, events: events.length === 0 ? NO_EVENTS : events };
}

/** Silence is not normal: mark the alert stale once, and leave everything else as it is. */
function onNoData(alert: Alert, outcome: NoDataOutcome, detectedAt: number): AlertTransition {
  if (alert.staleSince !== undefined) return { alert, events: NO_EVENTS };
  const events: AlertEvent[] = [];
  const stale = recordTransition(alert, { type: 'stale', at: detectedAt, staleSince: outcome.since }, events);
  return { alert: stale, events };
}

function onBreach(alert: Alert, outcome: BreachOutcome, detectedAt: number, events: AlertEvent[]): Alert {
  const change = compareSeverity(outcome.severity, alert.severity);
  const late = outcome.observedAt < alert.lastObservedAt;
  if (change > 0) {
    // Someone acknowledged a lower level; the higher one needs a person again.
    return recordTransition(
      alert,
      {
        type: 'escalated',
        at: detectedAt,
        observedAt: outcome.observedAt,
        severity: outcome.severity,
        previousSeverity: alert.severity,
        state: 'active',
        acknowledged: false,
        details: outcome.details,
      },
      events,
    );
  }
  if (change < 0 && !late) {
    return recordTransition(
      alert,
      {
        type: 'deescalated',
        at: detectedAt,
        observedAt: outcome.observedAt,
        severity: outcome.severity,
        previousSeverity: alert.severity,
        details: outcome.details,
      },
      events,
    );
  }
  // Same level, or a late lower one: no transition. A breach inside the clearing run breaks it; one
  // before the run began (a re-judged verdict of a late batch) was already over when the run began.
  if (late) return alert.clearingSince === undefined || outcome.observedAt < alert.clearingSince ? alert : { ...alert, clearingSince: undefined };
  if (alert.lastObservedAt === outcome.observedAt && alert.details === outcome.details && alert.clearingSince === undefined) return alert;
  return { ...alert, lastObservedAt: outcome.observedAt, details: outcome.details, clearingSince: undefined };
}

/**
 * Resolution goes by observation time, so a gauge that stops reporting never resolves its alert;
 * the clearing run must span at least the rule's clearing delay (exactly equal is enough).
 */
function onNormal(alert: Alert, outcome: NormalOutcome, policy: AlertPolicy, detectedAt: number, events: AlertEvent[]): Alert {
  if (outcome.observedAt < alert.lastObservedAt) return alert;
  const clearingSince = alert.clearingSince ?? outcome.observedAt;
  const details = outcome.details ?? alert.details;
  if (outcome.observedAt - clearingSince >= policy.clearingDelayMs) {
    const resolved = recordTransition(alert, { type: 'resolved', at: detectedAt, observedAt: outcome.observedAt, state: 'resolved', details }, events);
    return resolved.acknowledged ? recordTransition(resolved, { type: 'closed', at: detectedAt }, events) : resolved;
  }
  if (alert.lastObservedAt === outcome.observedAt && alert.clearingSince === clearingSince && alert.details === details) return alert;
  return { ...alert, lastObservedAt: outcome.observedAt, clearingSince, details };
}
