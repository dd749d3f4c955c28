/**
 * Ingestion benchmark: how many station reports per second go from MQTT into the store through
 * the real ingestor (into InfluxDB, and into the embedded SQLite store with INFLUX_URL unset),
 * against ceilings measured on the same machine in the same run:
 *   A. the broker delivering the workload to a QoS 1 subscriber that only counts;
 *   B. InfluxDB taking the workload's readings as 5,000-point line-protocol batches;
 *   C. the SQLite store's write() taking the same readings in 5,000-reading batches.
 * Every measurement is repeated in ROUNDS rounds (fresh store and fresh ingestor each time);
 * medians are reported. Not a test: no thresholds. Results and their reading: docs/benchmarks.md.
 * Run: npm run bench:ingest   (BENCH_COUNT, BENCH_ROUNDS, BENCH_PROFILE, BENCH_PROFILE_STORE: see below)
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { InfluxServer } from '../test/support/influxdb-server';
import { MosquittoBroker } from '../test/support/mosquitto-broker';
import { runCeilingA } from './ingest/ceiling-a';
import { readingBodies, runCeilingB } from './ingest/ceiling-b';
import { readingBatches, runCeilingC } from './ingest/ceiling-c';
import { summariseProfile } from './ingest/cpu-profile-summary';
import { type EndToEndOptions, type IngestorConfig, runEndToEnd } from './ingest/end-to-end';
import { influxTarget } from './ingest/influx-landed-store';
import type { StoreKind, StoreTarget } from './ingest/landed-store';
import { describeMachine, sqliteVersion } from './ingest/machine';
import { findChild } from './ingest/proc-stats';
import type { PublisherSetup } from './ingest/publisher-group';
import { cpuTable, type Round, runsTable, summaryTable, traceTable } from './ingest/report-table';
import { sqliteTarget } from './ingest/sqlite-landed-store';
import { formatFixed, formatInt } from './ingest/stats';
import { type WorkloadSpec, workloadReadings, workloadTotals } from './ingest/workload';

/** Reports per station: 100 × 1,418 stations = 141,800 messages, 316,000 readings. */
const COUNT = Number(process.env['BENCH_COUNT'] ?? 100);
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
/** Set to take one CPU profile of the ingestor (default configuration) instead of the benchmark. */
const PROFILE = process.env['BENCH_PROFILE'] === '1';
/** With BENCH_PROFILE=1: `sqlite` profiles the ingestor writing to its embedded store instead of InfluxDB. */
const PROFILE_STORE: StoreKind = process.env['BENCH_PROFILE_STORE'] === 'sqlite' ? 'SQLite' : 'InfluxDB';
const SAMPLE_EVERY = 100;
const BATCH_POINTS = 5000;
const DEADLINE_MS = 10 * 60_000;
/** Old enough that no report is in the future (the ingestor refuses those); the ingestor accepts any past time. */
const START = Date.parse('2023-09-21T08:00:00+08:00');

const WORKLOAD: WorkloadSpec = { count: COUNT, start: START, stations: 'all' };

/** Publisher setups for ceiling A: one connection, then two connections in two processes. */
const CEILING_A_SETUPS: Record<string, PublisherSetup> = {
  '1 publisher connection': { processes: 1, connections: 1, window: 500 },
  '2 publisher processes × 1 connection': { processes: 2, connections: 1, window: 500 },
};
/** End to end: one publisher process; the broker queues whatever the ingestor has not taken yet. */
const E2E_PUBLISHERS: PublisherSetup = { processes: 1, connections: 1, window: 500 };

const DEFAULT_CONFIG: IngestorConfig = { name: 'default (1 connection, plain subscription)', env: {}, connections: 1 };
const SHARED_CONFIG: IngestorConfig = { name: 'MQTT_SHARED_GROUP=bench, MQTT_CONNECTIONS=4', env: { MQTT_SHARED_GROUP: 'bench', MQTT_CONNECTIONS: '4' }, connections: 4 };

/** The target speaks of 4 readings per message: the 36 stations that measure 4 elements, as many messages as the main workload. */
const FOUR_READINGS: WorkloadSpec = { count: Math.round((COUNT * 1418) / 36), start: START, stations: 'four-elements' };

interface Scenario {
  readonly name: string;
  /** Short, for client ids and database names. */
  readonly tag: string;
  readonly config: IngestorConfig;
  readonly store: StoreKind;
  readonly workload: WorkloadSpec;
  /** Also run at half the saturated rate, for latency without a backlog. */
  readonly paced: boolean;
}

/** Right after the default run into InfluxDB, so that the two stores are compared under nearly the same load. */
const SCENARIOS: Scenario[] = [
  { name: DEFAULT_CONFIG.name, tag: 'default', config: DEFAULT_CONFIG, store: 'InfluxDB', workload: WORKLOAD, paced: true },
  { name: `embedded SQLite store (INFLUX_URL unset), ${DEFAULT_CONFIG.name}`, tag: 'sqlite', config: DEFAULT_CONFIG, store: 'SQLite', workload: WORKLOAD, paced: true },
  { name: SHARED_CONFIG.name, tag: 'shared4', config: SHARED_CONFIG, store: 'InfluxDB', workload: WORKLOAD, paced: true },
  {
    name: `${DEFAULT_CONFIG.name}, 4 readings per message (the 36 four-element stations)`,
    tag: 'four',
    config: DEFAULT_CONFIG,
    store: 'InfluxDB',
    workload: FOUR_READINGS,
    paced: false,
  },
];

interface Services {
  readonly broker: MosquittoBroker;
  readonly influx: InfluxServer;
  readonly brokerPid: number;
  readonly influxPid: number;
  readonly stores: Readonly<Record<StoreKind, StoreTarget>>;
}

async function startServices(): Promise<Services> {
  const [broker, influx] = await Promise.all([MosquittoBroker.start(), InfluxServer.start()]);
  const brokerPid = findChild(broker.configFile);
  const influxPid = findChild(influx.configFile);
  if (brokerPid === undefined || influxPid === undefined) throw new Error('could not find the pids of mosquitto and influxd');
  return { broker, influx, brokerPid, influxPid, stores: { InfluxDB: influxTarget(influx, influxPid), SQLite: sqliteTarget() } };
}

/** What a round writes directly, built once before timing. */
interface Prepared {
  readonly bodies: ReturnType<typeof readingBodies>;
  readonly batches: ReturnType<typeof readingBatches>;
}

async function round(services: Services, index: number, prepared: Prepared): Promise<Round> {
  const log = (what: string): void => console.error(`[round ${index}] ${new Date().toISOString().slice(11, 19)} ${what}`);
  const ceilingA: Round['ceilingA'] = {};
  for (const [name, setup] of Object.entries(CEILING_A_SETUPS)) {
    log(`ceiling A, ${name}`);
    ceilingA[name] = await runCeilingA(services.broker.url, services.brokerPid, WORKLOAD, setup, `${index}-${setup.processes}`);
  }
  log('ceiling B');
  const ceilingB = await runCeilingB(services.influx, services.influxPid, prepared.bodies, String(index));
  log('ceiling C');
  const ceilingC = await runCeilingC(prepared.batches);
  const endToEnd: Round['endToEnd'] = {};
  const paced: Round['paced'] = {};
  for (const scenario of SCENARIOS) {
    const urls = { brokerUrl: services.broker.url, brokerPid: services.brokerPid, store: services.stores[scenario.store] };
    log(`end to end, ${scenario.name}`);
    const options: EndToEndOptions = { publishers: E2E_PUBLISHERS, sampleEvery: SAMPLE_EVERY, deadlineMs: DEADLINE_MS };
    const saturated = await runEndToEnd(urls, scenario.workload, scenario.config, options, `${scenario.tag}-${index}`);
    endToEnd[scenario.name] = saturated;
    if (!scenario.paced) continue;
    // Latency without a backlog: half the saturated rate, for about 10 s.
    const ratePerSecond = Math.max(100, Math.round(saturated.messagesPerSecond / 2 / 100) * 100);
    const pacedWorkload: WorkloadSpec = { ...scenario.workload, count: Math.max(2, Math.ceil((ratePerSecond * 10) / saturated.totals.messages * scenario.workload.count)) };
    log(`end to end, ${scenario.name}, paced at ${ratePerSecond}/s`);
    const slow = await runEndToEnd(urls, pacedWorkload, scenario.config, { ...options, ratePerSecond, sampleEvery: 20 }, `${scenario.tag}p-${index}`);
    paced[scenario.name] = { ...slow, ratePerSecond };
  }
  return { ceilingA, ceilingB, ceilingC, endToEnd, paced };
}

async function profile(services: Services): Promise<void> {
  const directory = mkdtempSync(join(os.tmpdir(), 'bench-ingest-profile-'));
  const hook = join(__dirname, 'ingest/cpu-profile-hook.ts');
  const config: IngestorConfig = {
    ...DEFAULT_CONFIG,
    env: { NODE_OPTIONS: `--require ${join(__dirname, '..', 'node_modules/ts-node/register/transpile-only.js')} --require ${hook}`, BENCH_CPU_PROFILE_DIR: directory },
  };
  let file = '';
  const result = await runEndToEnd(
    { brokerUrl: services.broker.url, brokerPid: services.brokerPid, store: services.stores[PROFILE_STORE] },
    WORKLOAD,
    config,
    {
      publishers: E2E_PUBLISHERS,
      sampleEvery: SAMPLE_EVERY,
      deadlineMs: DEADLINE_MS,
      beforeStart: async (pid) => {
        process.kill(pid, 'SIGUSR2');
        await new Promise((r) => setTimeout(r, 200));
      },
      beforeStop: async (pid) => {
        file = join(directory, `ingestor-${pid}.cpuprofile`);
        process.kill(pid, 'SIGUSR2');
        for (let i = 0; i < 100 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 100));
        await new Promise((r) => setTimeout(r, 500));
      },
    },
    'prof',
  );
  console.log(`Profiled run into ${PROFILE_STORE} (profiler on, so slower; the profile covers first publish → everything in the store): ${formatInt(result.messagesPerSecond)} msg/s, ${formatInt(result.readingsPerSecond)} readings/s. Profile: ${file}\n`);
  const inside = readFileSync(file.replace(/\.cpuprofile$/, '.inside.json'), 'utf8');
  console.log(`Inside the ingestor during the run (event-loop delay at 10 ms resolution, GC pauses by V8 kind, peak memory): ${inside}\n`);
  console.log(`${traceTable(result, result.totals)}\n`);
  const summary = summariseProfile(file);
  console.log(`${summary.samples} samples.\n\n| self % | module |\n|---:|---|`);
  for (const [module, share] of summary.modules) console.log(`| ${formatFixed(share, 1)} | ${module} |`);
  console.log('\n| self % | total % | function (innermost frame) |\n|---:|---:|---|');
  for (const f of summary.self) console.log(`| ${formatFixed(f.selfPercent, 1)} | ${formatFixed(f.totalPercent, 1)} | ${f.frame} |`);
  console.log('\n| total % | self % | function (anywhere on the stack) |\n|---:|---:|---|');
  for (const f of summary.total) console.log(`| ${formatFixed(f.totalPercent, 1)} | ${formatFixed(f.selfPercent, 1)} | ${f.frame} |`);
}

async function main(): Promise<void> {
  const totals = workloadTotals(WORKLOAD);
  console.log(`Ingestion benchmark, ${describeMachine()}`);
  console.log(
    `Workload: ${formatInt(totals.messages)} messages (${COUNT} cellular reports × ${formatInt(totals.messages / COUNT)} stations), ${formatInt(totals.readings)} readings (${formatFixed(totals.readingsPerMessage, 2)} per message), QoS 1; mosquitto 2.0.11, influxd 1.6.7 and SQLite ${sqliteVersion()} (better-sqlite3) on this machine.\n`,
  );
  // The servers' child processes are unref'd (test/support keeps them from holding Jest open), so while
  // this process only waits for one of them to exit nothing else would keep Node's event loop alive.
  const keepAlive = setInterval(() => undefined, 60_000);
  const services = await startServices();
  try {
    if (PROFILE) {
      await profile(services);
      return;
    }
    const prepared: Prepared = { bodies: readingBodies(WORKLOAD, BATCH_POINTS), batches: readingBatches(workloadReadings(WORKLOAD), BATCH_POINTS) };
    const rounds: Round[] = [];
    for (let i = 1; i <= ROUNDS; i++) rounds.push(await round(services, i, prepared));
    console.log(`## Medians of ${ROUNDS} rounds\n\n${summaryTable(rounds, totals)}\n`);
    console.log(`## Every run\n\n${runsTable(rounds, totals)}\n`);
    for (const [name, result] of Object.entries(rounds[0]?.endToEnd ?? {})) console.log(`## Round 1, end to end, ${name}, second by second\n\n${traceTable(result, result.totals)}\n`);
    console.log(`## CPU, % of one core (machine = every process on it, ours or not; ${os.cpus().length * 100} % is all cores), medians\n\n${cpuTable(rounds)}`);
  } finally {
    await Promise.all([services.broker.dispose(), services.influx.dispose()]);
    clearInterval(keepAlive);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
