/**
 * Station-health benchmark: the cost of one health sweep over all 1,418 stations after a day of
 * calm-scenario traffic, and of the arrival-rate (到报率) report for a 31-day month over the
 * embedded SQLite store. Each against a baseline measured in the same run: for the sweep, one
 * plain pass over the registry building a small object per station (the least any per-station
 * answer costs); for the report, SQLite counting the month's arrivals with a bare count(*) on the
 * main thread, and beside each the longest time the event loop was held meanwhile. Medians of RUNS
 * runs; not a test, no thresholds. Results: docs/benchmarks.md.
 * Then the same month over a throwaway InfluxDB 1.x (influxd, as the integration tests run it): whether
 * every request of the month's arrival counts fits inside the default INFLUX_TIMEOUT_MS (health/influx-report.ts).
 * Run: npm run bench:health   (BENCH_DAYS=31, BENCH_RUNS=7; BENCH_INFLUX=0 skips the InfluxDB part)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  arrivalReport,
  type ArrivalCount,
  interpretTelemetry,
  NetworkHealth,
  planArrivalQueries,
  type StationRegistry,
} from '../libs/domain/src';
import { loadStationRegistry, SqliteReadingStore } from '../libs/ingestion/src';
import { createScenario, scenarioMessages } from '../libs/simulation/src';
import { influxReportBench } from './health/influx-report';
import { withLongestStall } from './health/longest-stall';
import { monthOfArrivals } from './health/month-of-arrivals';
import { fmt, median, timeRunsAsync } from './health/timing';

const DAY = 86_400_000;
const DAYS = Number(process.env['BENCH_DAYS'] ?? 31);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 7);
/** A hydrological-day boundary (08:00 Beijing = 00:00 UTC): the month starts on one. */
const MONTH_START = Date.parse('2026-07-01T00:00:00Z');
const NOW = Date.parse('2026-08-01T00:00:00Z');

function timeRuns(runs: number, work: () => unknown): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return times;
}


function sweepBench(registry: StationRegistry): void {
  const health = new NetworkHealth(registry);
  const start = NOW - DAY;
  const scenario = createScenario('calm', { stations: registry.all(), seed: 1, start });
  let messages = 0;
  const fillStarted = performance.now();
  for (const message of scenarioMessages(scenario, { from: start, to: NOW })) {
    const outcome = interpretTelemetry({ topic: message.topic, payload: Buffer.from(message.payload), receivedAt: message.dueAt + 15_000 }, registry);
    for (const arrival of outcome.arrivals) health.recordArrival(arrival);
    health.recordReadings(outcome.readings);
    messages += 1;
  }
  const fillMs = performance.now() - fillStarted;
  // Warm up the JIT on both before timing.
  for (let i = 0; i < 3; i++) health.sweep(NOW);
  const baseline = () => registry.all().map((s) => ({ id: s.id, kind: s.kind, district: s.district, status: s.channels.length > 1 ? 'online' : 'late' }));
  for (let i = 0; i < 3; i++) baseline();
  const sweeps = timeRuns(RUNS * 5, () => health.sweep(NOW));
  const baselines = timeRuns(RUNS * 5, baseline);
  const sweep = health.sweep(NOW);
  console.log(`## One health sweep over ${registry.size} stations\n`);
  console.log(`Filled with a day of the calm scenario: ${messages} messages (interpreted and recorded in ${(fillMs / 1000).toFixed(1)} s, ${Math.round((messages / fillMs) * 1000)} messages/s including interpretation).`);
  console.log(`The sweep found ${sweep.conditions.length} equipment conditions; stations by status ${JSON.stringify(sweep.counts.stations)}.\n`);
  console.log('| what | median ms | p90 ms | ratio to baseline |\n|---|---:|---:|---:|');
  const b = median(baselines);
  const p90 = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length * 0.9)] ?? Number.NaN;
  console.log(`| baseline: one object per station | ${fmt(b)} | ${fmt(p90(baselines))} | 1 |`);
  console.log(`| health sweep (statuses, findings, equipment conditions) | ${fmt(median(sweeps))} | ${fmt(p90(sweeps))} | ${(median(sweeps) / b).toFixed(1)} |`);
  console.log(`\nA sweep runs every 30 s: its median is ${((median(sweeps) / 30_000) * 100).toFixed(3)} % of that interval.\n`);
}

async function reportBench(registry: StationRegistry): Promise<void> {
  const dir = mkdtempSync(join(os.tmpdir(), 'bench-health-'));
  const file = join(dir, 'hydro.sqlite');
  const store = new SqliteReadingStore({ file });
  try {
    await store.prepare();
    const to = MONTH_START + DAYS * DAY;
    let arrivals = 0;
    const writeStarted = performance.now();
    for (const batch of monthOfArrivals(registry.all(), MONTH_START, to, 5000)) {
      await store.write({ readings: [], arrivals: batch, deadLetters: [] });
      arrivals += batch.length;
    }
    const writeMs = performance.now() - writeStarted;
    const range = { from: MONTH_START, to };
    const stations = registry.all();
    const noMaintenance = { intervals: () => [] };
    const report = async (groupBy: 'district' | 'station') => {
      const plan = planArrivalQueries({ stations, range, groupBy, maintenance: noMaintenance });
      const counts: ArrivalCount[] = await store.arrivalCounts({ ...range, every: DAY });
      return arrivalReport({ stations, range, every: DAY, counts, maintenanceCounts: [], maintenanceIntervals: plan.maintenanceIntervals, groupBy });
    };
    const raw = new Database(file, { readonly: true });
    const bare = raw.prepare('SELECT count(*) AS n FROM arrival WHERE observed_at >= ? AND observed_at < ?');
    const baseline = async () => bare.get(range.from, range.to);
    await baseline();
    await report('district');
    const baselines = await withLongestStall(() => timeRunsAsync(RUNS, baseline));
    const countsOnly = await withLongestStall(() => timeRunsAsync(RUNS, () => store.arrivalCounts({ ...range, every: DAY })));
    const byDistrict = await withLongestStall(() => timeRunsAsync(RUNS, () => report('district')));
    const byStation = await withLongestStall(() => timeRunsAsync(RUNS, () => report('station')));
    const total = (await report('district')).total;
    raw.close();
    const b = median(baselines.result);
    const row = (what: string, runs: { readonly result: number[]; readonly longestStallMs: number }, ratio: string) =>
      console.log(`| ${what} | ${fmt(median(runs.result))} | ${ratio} | ${fmt(runs.longestStallMs)} |`);
    console.log(`## Arrival-rate report for a ${DAYS}-day month over the SQLite store\n`);
    console.log(`${arrivals} arrivals written (${(writeMs / 1000).toFixed(0)} s, ${Math.round((arrivals / writeMs) * 1000)} arrivals/s). Whole-network rate for the month: ${total.received} of ${total.expected} expected reports (${((total.rate ?? 0) * 100).toFixed(2)} %).\n`);
    console.log('| what | median ms | ratio to baseline | longest event-loop stall, ms |\n|---|---:|---:|---:|');
    row("baseline: SQLite count(*) of the month's arrivals, on the main thread", baselines, '1');
    row('store query: distinct on-schedule counts per station, channel and day', countsOnly, (median(countsOnly.result) / b).toFixed(1));
    row('whole report, per day, by district (query + computation)', byDistrict, (median(byDistrict.result) / b).toFixed(1));
    row('whole report, per day, by station', byStation, (median(byStation.result) / b).toFixed(1));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const cpus = os.cpus();
  console.log(`Station-health benchmark, Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${new Date().toISOString()}\n`);
  const registry = loadStationRegistry('config/stations.json');
  sweepBench(registry);
  await reportBench(registry);
  if (process.env['BENCH_INFLUX'] !== '0') await influxReportBench({ stations: registry.all(), from: MONTH_START, days: DAYS, runs: RUNS });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
