import type { AlertState } from './alert';
import type { AlertKind } from './alert-kind';
import type { AlertDetails } from './alert-outcome';
import type { Severity } from './severity';

/**
 * Transitions of an alert. `closed` follows `resolved` or `acknowledged` in the same batch when the
 * alert becomes both resolved and acknowledged: it leaves the visible list.
 */
export const ALERT_EVENT_TYPES = [
  'raised',
  'escalated',
  'deescalated',
  'acknowledged',
  'resolved',
  'stale',
  'fresh',
  'renotified',
  'closed',
] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/**
 * One transition as appended to the event log: plain JSON, self-contained (a notifier can word a
 * message from it alone), and enough to rebuild the alert by folding (see applyAlertEvent).
 * Optional fields are absent, never undefined, so a JSON round trip changes nothing.
 */
export interface AlertEvent {
  readonly alertId: string;
  readonly type: AlertEventType;
  /** Detection or action time, epoch ms. */
  readonly at: number;
  /** Observation time of the outcome that caused it (raised, escalated, deescalated, resolved, fresh). */
  readonly observedAt?: number;
  /** Severity after the transition. */
  readonly severity: Severity;
  /** Severity before an escalation or de-escalation. */
  readonly previousSeverity?: Severity;
  /** State after the transition. */
  readonly state: AlertState;
  readonly acknowledged: boolean;
  readonly ruleId: string;
  readonly kind: AlertKind;
  readonly subjectId: string;
  readonly stationIds: readonly string[];
  readonly district?: string;
  readonly basin?: string;
  /** The alert's message parameters after the transition. */
  readonly details: AlertDetails;
  /** On 'stale': last observation time before the data stopped. */
  readonly staleSince?: number;
  /** On 'acknowledged': who. */
  readonly actor?: string;
  readonly note?: string;
}
