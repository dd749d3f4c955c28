import { join } from 'node:path';
import type { StationRegistry } from '@hydro/domain';
import { Journal, type Log, type ReadingStore, systemClock, TELEMETRY_PIPELINE_DEFAULTS, TelemetryPipeline } from '@hydro/ingestion';
import { Gauge, type Registry } from 'prom-client';
import type { Environment } from '../config/environment.dto';
import { PrometheusIngestionMetrics } from '../metrics/prometheus-ingestion-metrics';
import { telemetrySourceFor } from './telemetry-source-for';

/** The composition root of ingestion: the concrete adapters the environment asks for. */
export async function buildPipeline(env: Environment, stations: StationRegistry, store: ReadingStore, registry: Registry, log: Log): Promise<TelemetryPipeline> {
  const journal = await Journal.open(join(env.DATA_DIR, 'journal'), { maxBytes: env.SPOOL_MAX_BYTES, log });
  const source = telemetrySourceFor(env, log);
  // One of the first lines an operator reads: where telemetry comes from.
  log.log(`broker: ${source.description}`, 'Ingestion');
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
