import type { AlertDetails } from './alert-outcome';
import type { AlertSubject } from './alert-subject';
import type { Severity } from './severity';

/**
 * `active`: needs a person (unacknowledged). `acknowledged`: someone owns it, the condition lasts.
 * `resolved`: the condition cleared; with `acknowledged` false it still needs a person's eyes
 * (it came and went during a busy night), with `acknowledged` true it is closed.
 */
export const ALERT_STATES = ['active', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];

/**
 * One alert: one episode of one rule's condition on one subject. Times named `…At` without
 * "Observed" are detection or action times; `…ObservedAt` and `…Since` are observation times.
 */
export interface Alert extends AlertSubject {
  readonly id: string;
  readonly state: AlertState;
  readonly acknowledged: boolean;
  readonly severity: Severity;
  readonly peakSeverity: Severity;
  /** When the centre detected the crossing. */
  readonly raisedAt: number;
  /** Observation time of the crossing. */
  readonly raisedObservedAt: number;
  /** Latest observation time an outcome reported; late outcomes never move it back. */
  readonly lastObservedAt: number;
  /** Detection time of the latest escalation; re-notification counts from it. */
  readonly escalatedAt?: number;
  /** Observation time of the first normal outcome of the current clearing run. */
  readonly clearingSince?: number;
  /** Last observation time before the subject's data stopped. */
  readonly staleSince?: number;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: number;
  readonly ackNote?: string;
  readonly resolvedAt?: number;
  readonly resolvedObservedAt?: number;
  /** When the duty leader was re-notified about the current level; an escalation clears it. */
  readonly renotifiedAt?: number;
  /** When it became resolved and acknowledged, and left the visible list. */
  readonly closedAt?: number;
  /** Message parameters of the latest outcome that carried any. */
  readonly details: AlertDetails;
  /** Number of transitions (events) so far. */
  readonly version: number;
}

/** Active, or resolved without anyone having looked: what the duty screen shows in red. */
export function needsAttention(alert: Alert): boolean {
  return !alert.acknowledged;
}

export function isOpen(alert: Alert): boolean {
  return alert.state !== 'resolved';
}
