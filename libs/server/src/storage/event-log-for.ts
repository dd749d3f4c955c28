import { join } from 'node:path';
import { type EventLog, InfluxEventLog, SqliteEventLog } from '@hydro/ingestion';
import type { Environment } from '../config/environment.dto';
import { influxOptionsFor } from './reading-store-for';

/** Beside the reading store: InfluxDB when INFLUX_URL is set, otherwise the same SQLite file in DATA_DIR. */
export function eventLogFor(env: Environment): EventLog {
  if (env.INFLUX_URL === undefined) return new SqliteEventLog({ file: join(env.DATA_DIR, 'hydro.sqlite') });
  return new InfluxEventLog(influxOptionsFor(env, env.INFLUX_URL));
}
