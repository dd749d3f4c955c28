import type { Alert } from '../alert';
import type { AlertEvent, AlertEventType } from '../alert-event';
import type { CapMsgType } from './cap-vocabulary';

/** One CAP message an alert gave rise to. */
export interface CapMessage {
  /** The alert id for the first message; `<alert id>-<version>` for later ones (CAP wants each unique). */
  readonly identifier: string;
  /** Detection or action time of the transition, epoch ms. */
  readonly sent: number;
  readonly msgType: CapMsgType;
}

/**
 * Transitions that change what the public is told: the raise, a new level, an acknowledgement (someone
 * owns it), the end. Staleness, freshness and reminders are for the duty desk, not new messages.
 */
const MESSAGE_EVENTS: ReadonlySet<AlertEventType> = new Set(['raised', 'escalated', 'deescalated', 'acknowledged', 'resolved']);

/**
 * The CAP messages of an alert, oldest first: Alert on raise, Update after an escalation, de-escalation
 * or acknowledgement, Cancel when resolved; the last one is the alert as it stands. Events of other
 * alerts are ignored. A history that lacks the raise or the resolution (a log trimmed by retention) is
 * completed from the alert itself, so references always name the original message.
 */
export function capMessageChain(alert: Alert, events: readonly AlertEvent[]): CapMessage[] {
  const own = events.filter((event) => event.alertId === alert.id);
  const messages: CapMessage[] = [{ identifier: alert.id, sent: alert.raisedAt, msgType: 'Alert' }];
  // Versions count from the alert's: right even when the log was trimmed at the start.
  let version = Math.max(0, alert.version - own.length);
  let cancelled = false;
  for (const event of own) {
    version += 1;
    if (cancelled || event.type === 'raised' || !MESSAGE_EVENTS.has(event.type)) continue;
    // Acknowledging an alert that already ended adds nothing to its Cancel.
    if (event.type === 'acknowledged' && event.state === 'resolved') continue;
    cancelled = event.type === 'resolved';
    messages.push({ identifier: `${alert.id}-${version}`, sent: event.at, msgType: cancelled ? 'Cancel' : 'Update' });
  }
  if (alert.state === 'resolved' && !cancelled) {
    messages.push({ identifier: `${alert.id}-${alert.version}`, sent: alert.resolvedAt ?? alert.lastObservedAt, msgType: 'Cancel' });
  }
  return messages;
}

/** CAP's `references`: `sender,identifier,sent` of each earlier message, space-separated. */
export function capReferences(sender: string, earlier: readonly CapMessage[], dateTime: (at: number) => string): string {
  return earlier.map((message) => `${sender},${message.identifier},${dateTime(message.sent)}`).join(' ');
}
