import { resolve } from 'node:path';
import type { Environment } from './config/environment.dto';
import { brokerUrl } from './simulation/simulation-plan';

/**
 * The lines a person reads after start-up: where the HTTP API is, where stations publish,
 * where the data lives, and whether the simulator runs.
 */
export function whereToLook(env: Environment, httpPort: number): string[] {
  const host = env.HTTP_HOST === '0.0.0.0' || env.HTTP_HOST === '::' ? '127.0.0.1' : env.HTTP_HOST;
  const broker = brokerUrl(env);
  return [
    `HTTP: http://${host}:${httpPort} (/health, /ready, /metrics; the API under /api needs a bearer token, see docs/api.md${env.HYDRO_ADMIN_TOKEN === undefined ? '; set HYDRO_ADMIN_TOKEN for a first admin token' : ''})`,
    `stations publish to ${env.MQTT_URL === undefined ? 'the embedded broker at ' : ''}${broker.replace(/\/\/[^@/]*@/, '//***@')}, topic hydro/v1/telemetry/{station id}`,
    `data: ${env.INFLUX_URL === undefined ? `${resolve(env.DATA_DIR)} (SQLite store, spool)` : `InfluxDB ${env.INFLUX_URL} database ${env.INFLUX_DATABASE}; spool in ${resolve(env.DATA_DIR)}`}`,
    env.SIMULATE === 'off' ? 'simulator: off (SIMULATE=typhoon, calm, outages or garbage turns it on)' : `simulator: ${env.SIMULATE} at ×${env.SIMULATE_SPEED}`,
    'stop: Ctrl-C (the spool is written to the store first; nothing acknowledged is lost)',
  ];
}
