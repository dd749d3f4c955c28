import { execFileSync } from 'node:child_process';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { arrivalReport, planArrivalQueries, type Station } from '../../libs/domain/src';
import { ARRIVAL_COUNT_SPAN_MS } from '../../libs/ingestion/src/store/influx/arrival-count-parts';
import { InfluxReadingStore } from '../../libs/ingestion/src/store/influx/influx-reading-store';
import { InfluxHttp } from '../../libs/ingestion/src/store/influx/influx-http';
import { DEFAULT_TIMEOUT_MS, validateInfluxOptions } from '../../libs/ingestion/src/store/influx/influx-options';
import * as q from '../../libs/ingestion/src/store/influx/influx-queries';
import { type Row, statementRows } from '../../libs/ingestion/src/store/influx/influx-response';
import { InfluxServer } from '../../test/support/influxdb-server';
import { monthOfArrivals } from './month-of-arrivals';
import { fmt, median, timeRunsAsync } from './timing';

/**
 * The arrival-rate (到报率) report over a real InfluxDB 1.x: a throwaway influxd on loopback ports with a
 * temporary data directory (as the integration tests run it), filled with the same month of arrivals as
 * the SQLite part, then the store's two statements timed per span (1 day, 7 days, the month), alone and
 * together, against a bare count of the span's arrivals. The question it answers: does every request of
 * the month's arrivalCounts (a week at most each) fit inside the default INFLUX_TIMEOUT_MS deadline, and
 * would one statement over the whole month?
 */

const DAY = 86_400_000;
/** The most days one request of the store's arrival counts spans. */
const REQUEST_DAYS = ARRIVAL_COUNT_SPAN_MS / DAY;
const DATABASE = 'hydro_bench';
const BATCH = 5_000;
/** Long enough that the bench measures a slow query instead of failing on it. */
const BENCH_TIMEOUT_MS = 600_000;
/**
 * A past month's shards on a production server have been cold for hours, so InfluxDB has snapshotted
 * their cache and compacted them fully (after 10 min and 4 h without writes, by default). The same
 * state here, sooner, so the timings neither wait four hours nor race a compaction.
 */
const COLD_SHARDS = ['  cache-snapshot-write-cold-duration = "10s"', '  compact-full-write-cold-duration = "30s"'];
const SETTLE_POLL_MS = 5_000;
/** Unchanged TSM files for this long (longer than the cold durations above) means the compactions are done. */
const SETTLE_QUIET_MS = 60_000;
const SETTLE_LIMIT_MS = 30 * 60_000;

export interface InfluxReportBenchOptions {
  readonly stations: readonly Station[];
  /** Start of the month: a hydrological-day boundary. */
  readonly from: number;
  readonly days: number;
  readonly runs: number;
}

/** Writes the month into a throwaway influxd, times the report's queries, prints tables; the server and its data go at the end. */
export async function influxReportBench(options: InfluxReportBenchOptions): Promise<void> {
  const version = ensureInfluxd();
  // The harness leaves its server process unreferenced (a forgotten one must not keep Jest alive), so
  // while this process only waits on it (a restart), something has to keep the event loop running.
  const keepAlive = setInterval(() => undefined, 60_000);
  const server = await InfluxServer.start().catch((error: unknown) => {
    clearInterval(keepAlive);
    throw error;
  });
  const interrupted = (): void => {
    void server.dispose().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const settings = { url: server.url, database: DATABASE, timeoutMs: BENCH_TIMEOUT_MS };
  const store = new InfluxReadingStore(settings);
  const http = new InfluxHttp(validateInfluxOptions(settings));
  try {
    await coldShardsSoon(server);
    await store.prepare();
    await measure(options, version, server, store, http);
  } finally {
    http.close();
    await store.close();
    await server.dispose();
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    clearInterval(keepAlive);
  }
}

async function measure(options: InfluxReportBenchOptions, version: string, server: InfluxServer, store: InfluxReadingStore, http: InfluxHttp): Promise<void> {
  const { stations, from, days, runs } = options;
  const to = from + days * DAY;
  let arrivals = 0;
  let batches = 0;
  const writeStarted = performance.now();
  for (const batch of monthOfArrivals(stations, from, to, BATCH)) {
    await store.write({ readings: [], arrivals: batch, deadLetters: [] });
    arrivals += batch.length;
    batches += 1;
  }
  const writeMs = performance.now() - writeStarted;
  const settled = await waitForCompactions(join(server.rootDir, 'data'));

  const rows = async (statement: string): Promise<Row[]> => statementRows(await http.query(statement));
  // One warm-up run first: the first run after another statement pays for pages the next runs find cached.
  const time = async (work: () => Promise<unknown>): Promise<number[]> => {
    await work();
    return timeRunsAsync(runs, work);
  };
  const statements = (span: number) => {
    const range = { from, to: from + span * DAY, every: DAY };
    return {
      range,
      perChannel: q.countArrivalsPerChannel(range),
      reports: q.countReports(range),
      countAll: `SELECT count(*) FROM "arrival" WHERE time >= ${range.from}ms AND time < ${range.to}ms`,
    };
  };
  const month = statements(days);
  const noMaintenance = { intervals: () => [] };
  const report = async () => {
    const range = { from, to };
    const plan = planArrivalQueries({ stations, range, groupBy: 'district', maintenance: noMaintenance });
    const counts = await store.arrivalCounts({ ...range, every: DAY });
    return arrivalReport({ stations, range, every: DAY, counts, maintenanceCounts: [], maintenanceIntervals: plan.maintenanceIntervals, groupBy: 'district' });
  };
  const countedInMonth = countOf(await rows(month.countAll), 'count_on_schedule');
  if (countedInMonth !== arrivals) throw new Error(`InfluxDB counts ${countedInMonth} arrivals in the month, ${arrivals} were written`);
  const total = (await report()).total;

  // The month's statements, from the least any count costs to the store's own.
  const onSchedule = `SELECT count("on_schedule") FROM "arrival" WHERE time >= ${from}ms AND time < ${to}ms`;
  const grouped = `${onSchedule} GROUP BY time(${DAY}ms), "station", "channel" fill(none)`;
  const loadBefore = loadAverage();
  const baseline = await time(() => rows(month.countAll));
  const oneField = await time(() => rows(onSchedule));
  const groupedOnly = await time(() => rows(grouped));
  const spans: SpanTimings[] = [];
  for (const span of reportSpans(days)) {
    const s = statements(span);
    const spanArrivals = countOf(await rows(s.countAll), 'count_on_schedule');
    spans.push({
      span,
      arrivals: spanArrivals,
      arrivalCounts: await time(() => store.arrivalCounts(s.range)),
      perChannel: await time(() => rows(s.perChannel)),
      reports: await time(() => rows(s.reports)),
    });
  }
  const wholeReport = await time(report);
  const monthSpan = spans[spans.length - 1]!;

  const b = median(baseline);
  const row = (what: string, times: readonly number[], ratio = true) =>
    console.log(`| ${what} | ${fmt(median(times))} | ${fmt(Math.max(...times))} | ${ratio ? (median(times) / b).toFixed(1) : '1'} |`);
  console.log(`## Arrival-rate report for a ${days}-day month over InfluxDB\n`);
  console.log(`${version}, a throwaway server on loopback (fsync on every write, as the integration tests run it), through InfluxReadingStore with a ${BENCH_TIMEOUT_MS} ms request deadline so that a slow query is measured, not cut off.`);
  console.log(`${arrivals} arrivals written in ${batches} writes of up to ${BATCH} (each also writes its report point): ${(writeMs / 1000).toFixed(0)} s, ${Math.round((arrivals / writeMs) * 1000)} arrivals/s.`);
  console.log(`Shards made cold and fully compacted first, as a past month's are in production: settled after ${(settled.waitedMs / 1000).toFixed(0)} s, ${settled.tsmFiles} TSM files in ${settled.shards} shards.`);
  console.log(`Whole-network rate for the month: ${total.received} of ${total.expected} expected reports (${((total.rate ?? 0) * 100).toFixed(2)} %). Medians of ${runs} runs; load average before timing ${loadBefore}, after ${loadAverage()}.\n`);
  console.log('| what (the whole month, daily buckets) | median ms | slowest ms | ratio to baseline |\n|---|---:|---:|---:|');
  row("baseline: `SELECT count(*)` of the month's arrivals, one statement", baseline, false);
  row('count of one field (`on_schedule`), no condition, no grouping', oneField);
  row('the same, grouped per day, station and channel', groupedOnly);
  row('per-channel statement alone (the same with `on_schedule = true`): countArrivalsPerChannel', monthSpan.perChannel);
  row('report statement alone (count of `report` per day and station): countReports', monthSpan.reports);
  row(`store.arrivalCounts: ${REQUEST_DAYS} days per request, two statements at once each, parts added up`, monthSpan.arrivalCounts);
  row('whole report, per day, by district (query + computation)', wholeReport);
  // The store asks at most REQUEST_DAYS per request; the two statements of a request run at once, each with its own deadline.
  const requestTimes = (span: number): number[] => {
    const request = spans.find((s) => s.span === Math.min(span, REQUEST_DAYS));
    if (request === undefined) throw new Error(`no ${Math.min(span, REQUEST_DAYS)}-day span was timed`);
    return request.perChannel.map((ms, i) => Math.max(ms, request.reports[i] ?? 0));
  };
  console.log(`\n### How it scales with the span\n`);
  console.log(
    `| span | arrivals | arrivalCounts median ms | slowest ms | per-channel statement over the whole span, ms | report statement over the whole span, ms | each request (at most ${REQUEST_DAYS} days) within the ${DEFAULT_TIMEOUT_MS} ms default deadline? |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---|');
  for (const s of spans) {
    const slowest = Math.max(...s.arrivalCounts);
    console.log(`| ${s.span} d | ${s.arrivals} | ${fmt(median(s.arrivalCounts))} | ${fmt(slowest)} | ${fmt(median(s.perChannel))} | ${fmt(median(s.reports))} | ${deadlineVerdict(requestTimes(s.span), DEFAULT_TIMEOUT_MS)} |`);
  }
  console.log(
    `\nThe store asks at most ${REQUEST_DAYS} days per request, each as its two statements at once with a deadline each, so the slower ` +
      `statement of the longest request decides. For the ${days}-day month, under the default INFLUX_TIMEOUT_MS of ` +
      `${DEFAULT_TIMEOUT_MS} ms: ${deadlineVerdict(requestTimes(days), DEFAULT_TIMEOUT_MS)}. In one statement over the whole month ` +
      `(as the store asked before): ${deadlineVerdict(monthSpan.perChannel.map((ms, i) => Math.max(ms, monthSpan.reports[i] ?? 0)), DEFAULT_TIMEOUT_MS)}.\n`,
  );
}

interface SpanTimings {
  readonly span: number;
  readonly arrivals: number;
  readonly arrivalCounts: readonly number[];
  readonly perChannel: readonly number[];
  readonly reports: readonly number[];
}

/** The spans timed: one day, a week and the month, those that fit in the month, shortest first. */
export function reportSpans(days: number): number[] {
  if (!Number.isSafeInteger(days) || days < 1) throw new RangeError(`the month must be a whole number of days, at least 1; got ${days}`);
  return [...new Set([1, 7, days])].filter((span) => span <= days).sort((a, b) => a - b);
}

/**
 * Whether every run would have been answered inside the deadline. A request still running when the
 * deadline fires is aborted, so a run that took exactly the deadline already fails.
 */
export function deadlineVerdict(timesMs: readonly number[], deadlineMs: number): string {
  if (timesMs.length === 0) throw new RangeError('no runs to judge');
  const over = timesMs.filter((ms) => ms >= deadlineMs).length;
  const slowest = Math.max(...timesMs);
  const share = `${((slowest / deadlineMs) * 100).toFixed(0)} % of the deadline`;
  if (over === 0) return `yes, all ${timesMs.length} runs inside (slowest ${fmt(slowest)} ms, ${share})`;
  if (over === timesMs.length) return `NO, all ${over} runs over (median ${fmt(median(timesMs))} ms, ${(median(timesMs) / deadlineMs).toFixed(1)} × the deadline)`;
  return `NO, not reliably: ${over} of ${timesMs.length} runs over (slowest ${fmt(slowest)} ms, ${share})`;
}

/** TSM files, and the shard directories holding them, from paths relative to the data directory (database/policy/shard/file). */
export function tsmSummary(paths: readonly string[]): { readonly tsmFiles: number; readonly shards: number } {
  const tsm = paths.filter((path) => path.endsWith('.tsm'));
  return { tsmFiles: tsm.length, shards: new Set(tsm.map((path) => path.split('/').slice(0, -1).join('/'))).size };
}


function countOf(rows: readonly Row[], column: string): number {
  const value = rows[0]?.[column];
  return typeof value === 'number' ? value : 0;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The test harness's way of making sure influxd is installed; answers the version it reports. */
function ensureInfluxd(): string {
  const script = join(__dirname, '..', '..', 'scripts', 'ensure-services.sh');
  let output: string;
  try {
    output = execFileSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    throw new Error(`InfluxDB part: scripts/ensure-services.sh failed (BENCH_INFLUX=0 skips it): ${typeof stderr === 'string' ? stderr : String(error)}`);
  }
  return /InfluxDB v\S+/.exec(output)?.[0] ?? 'InfluxDB 1.x';
}

/** Rewrites the server's generated configuration with the cold durations above and restarts it (still empty). */
async function coldShardsSoon(server: InfluxServer): Promise<void> {
  const config = await readFile(server.configFile, 'utf8');
  if (!config.includes('\n[data]\n')) throw new Error('the InfluxDB test configuration has no [data] section to add the cold durations to');
  await writeFile(server.configFile, config.replace('\n[data]\n', `\n[data]\n${COLD_SHARDS.join('\n')}\n`));
  await server.restart();
}

/** Waits until the TSM files have not changed for SETTLE_QUIET_MS: the snapshots and compactions are done. */
async function waitForCompactions(dataDir: string): Promise<{ readonly waitedMs: number; readonly tsmFiles: number; readonly shards: number }> {
  const started = performance.now();
  let last = '';
  let quietSince = started;
  for (;;) {
    const files = await listFiles(dataDir);
    const signature = files.map((f) => `${f.path}:${f.size}`).join('\n');
    const now = performance.now();
    if (signature !== last) {
      last = signature;
      quietSince = now;
    } else if (now - quietSince >= SETTLE_QUIET_MS) {
      return { waitedMs: now - started, ...tsmSummary(files.map((f) => f.path)) };
    }
    if (now - started > SETTLE_LIMIT_MS) throw new Error(`InfluxDB was still compacting after ${SETTLE_LIMIT_MS / 60_000} min`);
    await delay(SETTLE_POLL_MS);
  }
}

async function listFiles(root: string): Promise<{ readonly path: string; readonly size: number }[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files: { path: string; size: number }[] = [];
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    // A compaction may remove a file between the listing and the stat; the next poll sees the change.
    const size = await stat(path).then(
      (s) => s.size,
      () => -1,
    );
    files.push({ path: relative(root, path), size });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
