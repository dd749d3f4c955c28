import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reading } from '@hydro/domain';
import { SqliteReadingStore } from '../../libs/ingestion/src/store/sqlite';
import { bytesWritten, CpuMeter, MainThreadTime, type ThreadTimeShares } from './proc-stats';
import { percentile } from './stats';

export interface CeilingCResult {
  readonly pointsPerSecond: number;
  readonly points: number;
  readonly batchP50Ms: number;
  readonly batchP99Ms: number;
  /** Size of the database file once closed (closing checkpoints the WAL into it), per reading. */
  readonly bytesPerReading: number;
  /** Bytes handed to write() while writing (the WAL, mostly: every page a batch dirtied), per reading. */
  readonly writtenBytesPerReading: number;
  readonly cpu: Record<string, number>;
  /** The writing thread's wall time: computing, waiting for a core, blocked (fsync). */
  readonly thread: ThreadTimeShares;
}

/** The workload's readings cut into batches of `batchSize`, built before timing like ceiling B's bodies. */
export function readingBatches(readings: readonly Reading[], batchSize: number): Reading[][] {
  const batches: Reading[][] = [];
  for (let at = 0; at < readings.length; at += batchSize) batches.push(readings.slice(at, at + batchSize));
  return batches;
}

/**
 * Ceiling C: the embedded store's own write(), one batch after another (as the drain writes), into a
 * fresh file in the system temporary directory, where the ingestor's DATA_DIR also is. It runs in this
 * process: better-sqlite3 is synchronous, nothing else of the bench runs meanwhile, and the store's
 * settings (WAL, synchronous=FULL: one WAL fsync per batch) are exactly the ingestor's. The writing
 * thread's schedule tells computing from waiting for a core (other work on the machine) and from
 * waiting on the disk.
 */
export async function runCeilingC(batches: readonly Reading[][]): Promise<CeilingCResult> {
  const directory = mkdtempSync(join(tmpdir(), 'bench-ingest-sqlite-'));
  const file = join(directory, 'hydro.sqlite');
  const store = new SqliteReadingStore({ file });
  const meter = new CpuMeter(() => ({ 'bench (writer)': [process.pid] }));
  const thread = new MainThreadTime(process.pid);
  const latencies: number[] = [];
  try {
    await store.prepare();
    const points = batches.reduce((sum, b) => sum + b.length, 0);
    meter.start();
    thread.start();
    const writtenBefore = bytesWritten(process.pid);
    const started = performance.now();
    for (const readings of batches) {
      const t0 = performance.now();
      await store.write({ readings, arrivals: [], deadLetters: [] });
      latencies.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = meter.read();
    const shares = thread.read();
    const written = bytesWritten(process.pid) - writtenBefore;
    await store.close();
    return {
      pointsPerSecond: points / seconds,
      points,
      batchP50Ms: percentile(latencies, 0.5),
      batchP99Ms: percentile(latencies, 0.99),
      bytesPerReading: statSync(file).size / points,
      writtenBytesPerReading: written / points,
      cpu,
      thread: shares,
    };
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
