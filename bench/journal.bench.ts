/**
 * Journal append benchmark: N producers, each awaiting its own append before the next (as one
 * MQTT connection's handleMessage does), against a baseline of one fdatasync'd write per record.
 * Reports appends/s and append latency, median of RUNS runs. Run: npm run bench:journal
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Journal } from '../libs/ingestion/src/journal';
import { crc32Implementation } from '../libs/ingestion/src/journal/crc32';
import { frameBytes } from '../libs/ingestion/src/journal/record';

const PAYLOAD_BYTES = 200;
const PRODUCERS = [1, 16, 64];
const RUNS = 3;
const RUN_MS = Number(process.env.BENCH_RUN_MS ?? 2000);
const WARMUP_MS = 200;

interface RunResult {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly recordsPerSync: number;
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Runs `producers` loops of `step` for RUN_MS after a short warm-up, timing each step. */
async function measure(producers: number, step: () => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number; count: number }> {
  const warmupEnd = performance.now() + WARMUP_MS;
  await Promise.all(Array.from({ length: producers }, async () => {
    while (performance.now() < warmupEnd) await step();
  }));
  const latencies: number[] = [];
  const start = performance.now();
  const end = start + RUN_MS;
  await Promise.all(Array.from({ length: producers }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      await step();
      latencies.push(performance.now() - t0);
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return { perSecond: latencies.length / elapsed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), count: latencies.length };
}

async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'journal-bench-'));
  try {
    return await body(dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function journalRun(producers: number): Promise<RunResult> {
  return withTempDir(async (dir) => {
    const journal = await Journal.open(dir, { maxBytes: 64 * 1024 ** 3 });
    const payload = Buffer.alloc(PAYLOAD_BYTES, 0x61);
    try {
      const before = journal.stats;
      const result = await measure(producers, () => journal.append(payload));
      const after = journal.stats;
      const recordsPerSync = (after.appends - before.appends) / Math.max(1, after.commits - before.commits);
      return { ...result, recordsPerSync };
    } finally {
      await journal.close();
    }
  });
}

/** The baseline: what a per-message durable step costs without grouping (one write + one fdatasync each). */
function baselineRun(): Promise<RunResult> {
  return withTempDir(async (dir) => {
    const handle = await fs.open(path.join(dir, 'baseline.log'), 'w');
    const record = Buffer.alloc(frameBytes(PAYLOAD_BYTES), 0x61);
    let position = 0;
    try {
      const result = await measure(1, async () => {
        await handle.write(record, 0, record.length, position);
        position += record.length;
        await handle.datasync();
      });
      return { ...result, recordsPerSync: 1 };
    } finally {
      await handle.close();
    }
  });
}

async function medianOf(run: () => Promise<RunResult>): Promise<RunResult> {
  const results: RunResult[] = [];
  for (let i = 0; i < RUNS; i++) results.push(await run());
  return {
    perSecond: median(results.map((r) => r.perSecond)),
    p50: median(results.map((r) => r.p50)),
    p99: median(results.map((r) => r.p99)),
    recordsPerSync: median(results.map((r) => r.recordsPerSync)),
  };
}

function row(label: string, producers: number, result: RunResult): string {
  const fixed = (value: number, digits: number) => value.toFixed(digits);
  return `| ${label} | ${producers} | ${Math.round(result.perSecond).toLocaleString('en-US')} | ${fixed(result.p50, 3)} | ${fixed(result.p99, 3)} | ${fixed(result.recordsPerSync, 1)} |`;
}

async function main(): Promise<void> {
  const rows: string[] = [];
  rows.push(row('baseline: write + fdatasync per record', 1, await medianOf(baselineRun)));
  for (const producers of PRODUCERS) rows.push(row('journal (group commit)', producers, await medianOf(() => journalRun(producers))));
  console.log(`Journal append benchmark: ${PAYLOAD_BYTES}-byte payloads (${frameBytes(PAYLOAD_BYTES)} bytes framed), each producer awaits its own append;`);
  console.log(`median of ${RUNS} runs of ${RUN_MS} ms; Node ${process.version}, ${os.cpus().length} CPUs, crc32 via ${crc32Implementation}, dir under ${os.tmpdir()}`);
  console.log('');
  console.log('| scenario | producers | appends/s | p50 ms | p99 ms | records per fdatasync |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const line of rows) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
