import { readFileSync } from 'node:fs';
import { TELEMETRY_TOPIC_FILTER } from '@hydro/domain';
import { EmbeddedBrokerSource, type Log, MqttTelemetrySource, type TelemetrySource } from '@hydro/ingestion';
import type { Environment } from '../config/environment.dto';

/** An external broker when MQTT_URL is set; otherwise the embedded broker on MQTT_BROKER_PORT. */
export function telemetrySourceFor(env: Environment, log: Log): TelemetrySource {
  if (env.MQTT_URL === undefined) {
    return new EmbeddedBrokerSource({ host: env.MQTT_BROKER_HOST, port: env.MQTT_BROKER_PORT, log });
  }
  return new MqttTelemetrySource(
    {
      url: env.MQTT_URL,
      clientId: env.MQTT_CLIENT_ID,
      connections: env.MQTT_CONNECTIONS,
      sharedGroup: env.MQTT_SHARED_GROUP,
      topicFilter: TELEMETRY_TOPIC_FILTER,
      rejectUnauthorized: env.MQTT_REJECT_UNAUTHORIZED,
      keepaliveSeconds: env.MQTT_KEEPALIVE_SECONDS,
      inFlight: env.MQTT_IN_FLIGHT,
      sessionExpirySeconds: env.MQTT_SESSION_EXPIRY_SECONDS,
      reconnectInitialMs: env.MQTT_RECONNECT_MIN_MS,
      reconnectMaxMs: env.MQTT_RECONNECT_MAX_MS,
      ...(env.MQTT_USERNAME === undefined ? {} : { username: env.MQTT_USERNAME }),
      ...(env.MQTT_PASSWORD === undefined ? {} : { password: env.MQTT_PASSWORD }),
      ...(env.MQTT_CA_FILE === undefined ? {} : { ca: readFileSync(env.MQTT_CA_FILE) }),
      ...(env.MQTT_CERT_FILE === undefined ? {} : { cert: readFileSync(env.MQTT_CERT_FILE) }),
      ...(env.MQTT_KEY_FILE === undefined ? {} : { key: readFileSync(env.MQTT_KEY_FILE) }),
    },
    log,
  );
}
