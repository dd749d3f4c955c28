import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InfluxReadingStore,
  Journal,
  loadStationRegistry,
  type Log,
  MqttTelemetrySource,
  systemClock,
  TELEMETRY_PIPELINE_DEFAULTS,
  TelemetryPipeline,
} from '@hydro/ingestion';
import { TELEMETRY_TOPIC_FILTER } from '@hydro/domain';
import { Gauge, type Registry } from 'prom-client';
import type { Environment } from '../config/environment.dto';
import { PrometheusIngestionMetrics } from '../metrics/prometheus-ingestion-metrics';

/** The composition root of ingestion: the concrete adapters the environment asks for. */
export async function buildPipeline(env: Environment, registry: Registry, log: Log): Promise<TelemetryPipeline> {
  const stations = loadStationRegistry(env.STATIONS_FILE);
  const journal = await Journal.open(join(env.DATA_DIR, 'journal'), { maxBytes: env.SPOOL_MAX_BYTES, log });
  const store = new InfluxReadingStore({
    url: env.INFLUX_URL,
    database: env.INFLUX_DATABASE,
    timeoutMs: env.INFLUX_TIMEOUT_MS,
    ...(env.INFLUX_TOKEN === undefined ? {} : { token: env.INFLUX_TOKEN }),
    ...(env.INFLUX_USERNAME === undefined ? {} : { username: env.INFLUX_USERNAME }),
    ...(env.INFLUX_PASSWORD === undefined ? {} : { password: env.INFLUX_PASSWORD }),
    ...(env.INFLUX_RETENTION_POLICY === undefined || env.INFLUX_RETENTION_DURATION === undefined
      ? {}
      : { retentionPolicy: { name: env.INFLUX_RETENTION_POLICY, duration: env.INFLUX_RETENTION_DURATION } }),
  });
  const source = new MqttTelemetrySource(
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
  const pipeline = new TelemetryPipeline(
    source,
    journal,
    store,
    stations,
    systemClock,
    {
      ...TELEMETRY_PIPELINE_DEFAULTS,
      interpret: { ...TELEMETRY_PIPELINE_DEFAULTS.interpret, maxFutureMs: env.MAX_FUTURE_MINUTES * 60_000 },
      drain: {
        ...TELEMETRY_PIPELINE_DEFAULTS.drain,
        batchSize: env.INFLUX_BATCH_SIZE,
        flushIntervalMs: env.INFLUX_FLUSH_INTERVAL_MS,
        retry: { initialMs: env.INFLUX_RETRY_MIN_MS, maxMs: env.INFLUX_RETRY_MAX_MS },
      },
      spoolMaxBytes: env.SPOOL_MAX_BYTES,
      shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    },
    log,
    new PrometheusIngestionMetrics(registry),
  );
  registerPipelineGauges(registry, pipeline);
  log.log(`${stations.size} stations loaded from ${env.STATIONS_FILE}; spool in ${join(env.DATA_DIR, 'journal')}`, 'Ingestion');
  return pipeline;
}

function registerPipelineGauges(registry: Registry, pipeline: TelemetryPipeline): void {
  const registers = [registry];
  new Gauge({ name: 'hydro_spool_bytes', help: 'Bytes in the spool not yet confirmed by the store', registers, collect() { this.set(pipeline.status().spoolBytes); } });
  new Gauge({ name: 'hydro_spool_entries', help: 'Journal entries not yet confirmed by the store', registers, collect() { this.set(pipeline.status().spoolEntries); } });
  new Gauge({ name: 'hydro_broker_consuming', help: '1 while connected, subscribed and consuming', registers, collect() { this.set(pipeline.status().consuming ? 1 : 0); } });
  new Gauge({ name: 'hydro_store_writable', help: '1 while the store accepts writes', registers, collect() { this.set(pipeline.status().storeWritable ? 1 : 0); } });
}
