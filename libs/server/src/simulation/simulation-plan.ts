import { type ScenarioName, SCENARIOS, SIMULATOR_DEFAULTS } from '@hydro/simulation';
import type { Environment } from '../config/environment.dto';

/** What the in-process simulator will do, decided once at start-up from the environment. */
export interface SimulationPlan {
  readonly scenario: ScenarioName;
  readonly speed: number;
  readonly seed: number;
  /** Simulated start, epoch ms. */
  readonly start: number;
  readonly durationHours: number;
  /** The broker this process consumes from: stations and the simulator publish there. */
  readonly url: string;
}

/**
 * Undefined when SIMULATE is off. Without SIMULATE_START, the run is placed so that simulated time
 * reaches its end when the real clock does (start = now − duration × (speed − 1) / speed): observation
 * times then never run ahead of the centre's clock, which refuses reports from the future.
 */
export function simulationPlan(env: Environment, now: number): SimulationPlan | undefined {
  if (env.SIMULATE === 'off') return undefined;
  const scenario = env.SIMULATE as ScenarioName;
  const durationHours = env.SIMULATE_HOURS ?? SCENARIOS[scenario].defaultHours;
  const durationMs = durationHours * 3_600_000;
  const speed = env.SIMULATE_SPEED;
  const start = env.SIMULATE_START === undefined ? Math.floor(now - (durationMs * Math.max(0, speed - 1)) / speed) : Date.parse(env.SIMULATE_START);
  return { scenario, speed, seed: env.SIMULATE_SEED, start, durationHours, url: brokerUrl(env) };
}

/** Where stations publish: the external broker, or the embedded one on its loopback port. */
export function brokerUrl(env: Environment): string {
  return env.MQTT_URL ?? `mqtt://${env.MQTT_BROKER_HOST}:${env.MQTT_BROKER_PORT}`;
}

export const SIMULATION_DEFAULTS = { connections: SIMULATOR_DEFAULTS.connections, window: SIMULATOR_DEFAULTS.window, tickMs: SIMULATOR_DEFAULTS.tickMs };
