import { join } from 'node:path';
import { type InfluxStoreOptions, InfluxReadingStore, type ReadingStore, SqliteReadingStore } from '@hydro/ingestion';
import type { Environment } from '../config/environment.dto';

export interface ChosenStore {
  readonly store: ReadingStore;
  /** For the first log lines: which store, and where. */
  readonly description: string;
}

/** InfluxDB when INFLUX_URL is set; otherwise the embedded SQLite store in DATA_DIR. */
export function readingStoreFor(env: Environment): ChosenStore {
  if (env.INFLUX_URL === undefined) {
    const file = join(env.DATA_DIR, 'hydro.sqlite');
    return { store: new SqliteReadingStore({ file }), description: `embedded SQLite store at ${file}` };
  }
  const store = new InfluxReadingStore(influxOptionsFor(env, env.INFLUX_URL));
  return { store, description: `InfluxDB at ${env.INFLUX_URL}, database ${env.INFLUX_DATABASE}` };
}

/** The InfluxDB connection settings the reading store and the event log share. */
export function influxOptionsFor(env: Environment, url: string): InfluxStoreOptions {
  return {
    url,
    database: env.INFLUX_DATABASE,
    timeoutMs: env.INFLUX_TIMEOUT_MS,
    ...(env.INFLUX_TOKEN === undefined ? {} : { token: env.INFLUX_TOKEN }),
    ...(env.INFLUX_USERNAME === undefined ? {} : { username: env.INFLUX_USERNAME }),
    ...(env.INFLUX_PASSWORD === undefined ? {} : { password: env.INFLUX_PASSWORD }),
    ...(env.INFLUX_RETENTION_POLICY === undefined || env.INFLUX_RETENTION_DURATION === undefined
      ? {}
      : { retentionPolicy: { name: env.INFLUX_RETENTION_POLICY, duration: env.INFLUX_RETENTION_DURATION } }),
  };
}
