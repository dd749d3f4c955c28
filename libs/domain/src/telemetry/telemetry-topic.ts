/** Stations publish to `hydro/v1/telemetry/{stationId}`; the topic, not the payload, says who is speaking. */
export const TELEMETRY_TOPIC_PREFIX = 'hydro/v1/telemetry/';

/** The subscription filter matching every station's topic. */
export const TELEMETRY_TOPIC_FILTER = `${TELEMETRY_TOPIC_PREFIX}+`;

export function telemetryTopic(stationId: string): string {
  return TELEMETRY_TOPIC_PREFIX + stationId;
}

/** The station id a telemetry topic names, or undefined when the topic is not one. */
export function stationIdFromTopic(topic: string): string | undefined {
  if (!topic.startsWith(TELEMETRY_TOPIC_PREFIX)) return undefined;
  const id = topic.slice(TELEMETRY_TOPIC_PREFIX.length);
  return id.length > 0 && !id.includes('/') ? id : undefined;
}
