import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { StoreUnavailableError } from '../reading-store';
import type { SqliteReadReply, SqliteReadRequest } from './sqlite-read-worker';
import type { SqliteRead } from './sqlite-reader';

/** A read the thread could not answer, as plain data: the store classifies it (classifySqliteFailure). */
export interface SqliteReadFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

interface Pending {
  readonly resolve: (rows: unknown[]) => void;
  readonly reject: (failure: SqliteReadFailure | Error) => void;
}

/**
 * The SQLite store's reads, run in a worker thread of their own. better-sqlite3 is synchronous: on the main
 * thread a month's arrival report (about 4 s) or a long series held the event loop, and with it MQTT
 * acknowledgements and the flood rules, for as long as the query ran. Here the main thread only posts the
 * read and takes the rows. Reads are answered in the order they were asked, one at a time.
 *
 * The thread starts at the first read, with its own read-only connection; it does not keep the process
 * alive while idle. If it dies, the reads it held fail as unavailable and the next read starts another.
 */
export class SqliteReadThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(readonly file: string) {}

  /** The rows of `read`; rejects with the SQLite failure as data, or StoreUnavailableError when the thread is gone. */
  read(read: SqliteRead): Promise<unknown[]> {
    if (this.closed) return Promise.reject(new StoreUnavailableError(`the SQLite store ${this.file} is closed`));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    return new Promise<unknown[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, read } satisfies SqliteReadRequest);
    });
  }

  /** Stops the thread; reads still waiting fail as unavailable. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new StoreUnavailableError(`the SQLite store ${this.file} was closed during the read`));
    await worker?.terminate();
  }

  private start(): Worker {
    const worker = new Worker(join(__dirname, `sqlite-read-worker${extname(__filename)}`), { workerData: { file: this.file }, execArgv: workerExecArgv() });
    worker.unref();
    worker.on('message', (reply: SqliteReadReply) => this.answer(worker, reply));
    worker.on('error', (error) => this.lost(worker, `failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `stopped with exit code ${code}`));
    return worker;
  }

  private answer(worker: Worker, reply: SqliteReadReply): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) worker.unref();
    if ('rows' in reply) pending.resolve(reply.rows);
    else pending.reject(reply.failure);
  }

  private lost(worker: Worker, what: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new StoreUnavailableError(`the read thread of the SQLite store ${this.file} ${what}; the next read starts another`));
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const each of waiting) each.reject(error);
  }
}

/**
 * Run from TypeScript (ts-node, ts-jest), the thread needs ts-node to load its entry; compiled, it needs nothing.
 * The entry imports only better-sqlite3, so no path aliases are needed either.
 */
function workerExecArgv(): string[] {
  return extname(__filename) === '.ts' ? ['--require', require.resolve('ts-node/register/transpile-only')] : [];
}
