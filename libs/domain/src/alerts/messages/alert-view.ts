import type { Alert } from '../alert';
import type { AlertEvent } from '../alert-event';

/** What messages are worded from: a current alert, or one transition of it as logged. */
export type AlertSource = Alert | AlertEvent;

/** The fields an alert and its events share: enough to say what and where. */
export type AlertView = Pick<AlertEvent, 'kind' | 'subjectId' | 'stationIds' | 'district' | 'details' | 'severity' | 'state'>;

export function isAlertEvent(source: AlertSource): source is AlertEvent {
  return 'alertId' in source;
}

/**
 * The observation time a message is about: the transition's, or the alert's latest. Undefined for
 * transitions made by people or by time (acknowledged, stale, renotified, closed), which observe nothing.
 */
export function observedAtOf(source: AlertSource): number | undefined {
  return isAlertEvent(source) ? source.observedAt : source.lastObservedAt;
}
