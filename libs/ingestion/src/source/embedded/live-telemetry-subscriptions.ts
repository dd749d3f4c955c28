import { TELEMETRY_TOPIC_PREFIX } from '@hydro/domain';
import type { Client, Subscription } from 'aedes';

const TELEMETRY_LEVELS = TELEMETRY_TOPIC_PREFIX.split('/').filter((level) => level !== '');

/**
 * aedes' `authorizeSubscribe`: station reports are forwarded to subscribers (a debugging
 * `mosquitto_sub -t 'hydro/v1/telemetry/#'`, a dashboard), but live only.
 *
 * The durable path of a report is the sink, before the PUBACK; what subscribers of the
 * embedded broker receive is a copy. aedes keeps its sessions in memory and queues QoS 1
 * messages for a persistent subscriber that is away, without bound: a forgotten persistent
 * subscription to telemetry would grow the process by every report. So a persistent session's
 * (clean: false) subscription that covers telemetry topics is downgraded to QoS 0, which aedes
 * does not queue while the subscriber is away. A clean session's subscription keeps its QoS:
 * its queue ends with the connection. Other topics (e.g. `hydro/v1/alerts/#`) are untouched.
 *
 * aedes stores the subscription object it passed here, so the downgrade is made on it in
 * place; its SUBACK still reports the QoS asked for (aedes fixes the granted QoS before the
 * hook). A filter such as `#` that also covers other topics is downgraded for all of them.
 */
export function authorizeSubscribe(
  client: Client,
  subscription: Subscription,
  callback: (error: Error | null, subscription?: Subscription | null) => void,
): void {
  if (!client.clean && subscription.qos > 0 && coversTelemetry(subscription.topic)) {
    subscription.qos = 0;
  }
  callback(null, subscription);
}

/** Whether a subscription filter matches any topic under `hydro/v1/telemetry/`. */
export function coversTelemetry(filter: string): boolean {
  const levels = filter.split('/');
  for (const [i, wanted] of TELEMETRY_LEVELS.entries()) {
    const level = levels[i];
    if (level === '#') return true;
    if (level !== '+' && level !== wanted) return false;
  }
  // Any level after the prefix (a station id, '+', '#') matches some station's topic.
  return levels.length > TELEMETRY_LEVELS.length;
}
