import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import Sqlite from 'better-sqlite3';
import { formatInt } from './stats';

/** The machine a run measured, for the first line of the report: what the numbers depend on. */
export function describeMachine(): string {
  const cpus = os.cpus();
  return `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ${formatInt(os.totalmem() / 1024 ** 3)} GiB RAM, ${os.type()} ${os.release()}, temporary directory on ${fileSystemOf(os.tmpdir())}; load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${new Date().toISOString()}`;
}

/** The type of the file system holding `path` (the longest mount point that contains it): SQLite's and the journal's fsyncs depend on it. */
export function fileSystemOf(path: string): string {
  const mounts = readFileSync('/proc/mounts', 'utf8').split('\n').map((line) => line.split(' '));
  const containing = mounts.filter(([, point]) => point !== undefined && (path === point || path.startsWith(point === '/' ? '/' : `${point}/`)));
  return containing.sort((x, y) => (y[1]?.length ?? 0) - (x[1]?.length ?? 0))[0]?.[2] ?? 'an unknown file system';
}

/** The SQLite library better-sqlite3 was built with: the one the ingestor's embedded store runs. */
export function sqliteVersion(): string {
  const db = new Sqlite(':memory:');
  try {
    return db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
  } finally {
    db.close();
  }
}
