import { parseObservedAt } from '@hydro/domain';
import { DEFAULT_START, isScenarioName, SCENARIO_NAMES, SCENARIOS, SIMULATOR_DEFAULTS, type ScenarioName, type SimulatorOptions } from '@hydro/simulation';
import { Command, InvalidArgumentError, Option } from 'commander';

/** Station registry the CLI reads by default. */
export const DEFAULT_STATIONS_FILE = 'config/stations.json';

/** What the command line decides; the rest (log, clock, connect, the registry itself) is wired by main. */
export type CliOptions = Omit<SimulatorOptions, 'log' | 'registry' | 'connect' | 'password'> & { readonly stationsFile: string };

/**
 * Parses the simulator's command line. Throws commander's error (with exit code and message)
 * on a bad value; `--help` throws too, after printing, when `exitOverride` is set.
 */
export function parseCliOptions(argv: readonly string[], configure: (program: Command) => void = () => undefined): CliOptions {
  const program = new Command('simulate')
    .description('Publish a simulated Wenzhou telemetry network (1,418 stations) to an MQTT broker')
    .addOption(new Option('--scenario <name>', 'what the network does').choices(SCENARIO_NAMES).default(SIMULATOR_DEFAULTS.scenario))
    .option('--speed <n>', 'simulated seconds per real second (60 = an hour a minute)', positive('--speed'), SIMULATOR_DEFAULTS.speed)
    .option('--seed <n>', 'seed: the same seed gives the same messages', integer('--seed'), SIMULATOR_DEFAULTS.seed)
    .option('--start <time>', 'simulated start, ISO 8601 with a UTC offset', isoTime, SIMULATOR_DEFAULTS.start)
    .option('--duration <hours>', `simulated hours (default by scenario: ${SCENARIO_NAMES.map((n) => `${n} ${SCENARIOS[n].defaultHours}`).join(', ')})`, positive('--duration'))
    .option('--url <url>', 'MQTT broker', SIMULATOR_DEFAULTS.url)
    .option('--stations <file>', 'station registry', DEFAULT_STATIONS_FILE)
    .option('--max-messages <n>', 'stop after publishing this many messages', positiveInteger('--max-messages'))
    .option('--connections <n>', 'MQTT connections to publish over', positiveInteger('--connections'), SIMULATOR_DEFAULTS.connections)
    .option('--window <n>', 'QoS 1 publishes awaiting PUBACK per connection', positiveInteger('--window'), SIMULATOR_DEFAULTS.window)
    .option('--username <name>', 'MQTT user (password from the SIMULATOR_MQTT_PASSWORD environment variable)')
    .option('--progress-every <seconds>', 'real seconds between progress lines', positive('--progress-every'), SIMULATOR_DEFAULTS.progressEveryMs / 1000)
    .helpOption('-h, --help')
    .showHelpAfterError()
    .addHelpText('after', `\nDefault start: ${DEFAULT_START}. Scenarios: ${SCENARIO_NAMES.map((n) => `\n  ${n}: ${SCENARIOS[n].summary}`).join('')}`);
  configure(program);
  program.parse([...argv], { from: 'user' });

  const o = program.opts<{
    scenario: string;
    speed: number;
    seed: number;
    start: number;
    duration?: number;
    url: string;
    stations: string;
    maxMessages?: number;
    connections: number;
    window: number;
    username?: string;
    progressEvery: number;
  }>();
  if (!isScenarioName(o.scenario)) throw new InvalidArgumentError(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}`);
  const scenario: ScenarioName = o.scenario;
  return {
    scenario,
    speed: o.speed,
    seed: o.seed,
    start: o.start,
    durationHours: o.duration ?? SCENARIOS[scenario].defaultHours,
    url: o.url,
    stationsFile: o.stations,
    connections: o.connections,
    window: o.window,
    progressEveryMs: o.progressEvery * 1000,
    tickMs: SIMULATOR_DEFAULTS.tickMs,
    ...(o.maxMessages === undefined ? {} : { maxMessages: o.maxMessages }),
    ...(o.username === undefined ? {} : { username: o.username }),
  };
}

function positive(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive number, not "${value}"`);
    return n;
  };
}

function positiveInteger(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number, not "${value}"`);
    return n;
  };
}

function integer(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || value.trim() === '') throw new InvalidArgumentError(`${name} must be a whole number, not "${value}"`);
    return n;
  };
}

function isoTime(value: string): number {
  const parsed = parseObservedAt(value);
  if (!parsed.ok || typeof value !== 'string' || /^\d+$/.test(value)) {
    throw new InvalidArgumentError(`--start must be ISO 8601 with a UTC offset, e.g. ${DEFAULT_START}`);
  }
  return parsed.time;
}
