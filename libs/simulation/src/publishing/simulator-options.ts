import type { StationRegistry } from '@hydro/domain';
import type { ScenarioName } from '../scenario';
import type { PublishClient } from './windowed-publisher';

/** A connection the simulator publishes over. */
export interface SimulatorClient extends PublishClient {
  endAsync(force?: boolean): Promise<void>;
}

/** What a connection needs besides its URL and client id. */
export interface SimulatorConnectOptions {
  readonly username?: string;
  readonly password?: string;
}

export interface SimulatorOptions extends SimulatorConnectOptions {
  readonly scenario: ScenarioName;
  /** Simulated seconds per real second. */
  readonly speed: number;
  readonly seed: number;
  /** Simulated start, epoch ms. */
  readonly start: number;
  readonly durationHours: number;
  readonly url: string;
  readonly registry: StationRegistry;
  /** Stop after this many messages have been handed to the broker. */
  readonly maxMessages?: number;
  readonly connections: number;
  /** QoS 1 publishes awaiting PUBACK, per connection. */
  readonly window: number;
  /** Real milliseconds between progress lines. */
  readonly progressEveryMs: number;
  /** Real milliseconds between steps of simulated time. */
  readonly tickMs: number;
  /** Where progress and the summary go (one line each). */
  readonly log: (line: string) => void;
  /** How to open a connection: the MQTT adapter in production, a fake in unit tests. */
  readonly connect: (url: string, clientId: string, options: SimulatorConnectOptions) => Promise<SimulatorClient>;
}

export const DEFAULT_START = '2023-09-21T08:00:00+08:00';

/** The programmatic defaults (the CLI shares them); `scenario`-dependent duration is filled in by the caller. */
export const SIMULATOR_DEFAULTS = {
  scenario: 'typhoon',
  speed: 60,
  seed: 1,
  start: Date.parse(DEFAULT_START),
  url: 'mqtt://127.0.0.1:1883',
  connections: 2,
  window: 256,
  progressEveryMs: 5_000,
  tickMs: 200,
} as const;
