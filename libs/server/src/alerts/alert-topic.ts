import type { AlertEvent } from '@hydro/domain';

/** Prefix of the alert topics: `hydro/v1/alerts/{severity}/{kind}/{subjectId}`. */
export const ALERT_TOPIC_PREFIX = 'hydro/v1/alerts';

/**
 * The topic one transition is published on, so that a subscriber can choose by severity
 * (`hydro/v1/alerts/red/#`), kind (`hydro/v1/alerts/+/mountain_torrent/#`) or subject. MQTT's
 * level separator and wildcards cannot appear inside a level, so they are replaced in the subject id.
 */
export function alertTopic(event: Pick<AlertEvent, 'severity' | 'kind' | 'subjectId'>): string {
  return `${ALERT_TOPIC_PREFIX}/${event.severity}/${event.kind}/${event.subjectId.replace(/[/+#\u0000]/g, '_')}`;
}
