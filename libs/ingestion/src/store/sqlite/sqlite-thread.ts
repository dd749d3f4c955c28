import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { EncodedEvent } from '../event-encoding';
import type { EventStream } from '../event-log';
import { StoreUnavailableError, type TelemetryBatch } from '../reading-store';
import type { SqliteRead } from './sqlite-reader';
import type { SqliteFailure, SqliteReply, SqliteRequest, SqliteThreadRole, SqliteWork } from './sqlite-work';

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (failure: SqliteFailure | Error) => void;
}

/**
 * SQLite statements run in a worker thread of their own. better-sqlite3 is synchronous: on the main thread
 * a month's arrival report (about 4 s) held the event loop, and with it MQTT acknowledgements and the flood
 * rules, for the whole query, and every commit's fsync held it too (20-60 ms on a slow disk). Here the
 * main thread only posts the work and takes the answer. Work is done one piece at a time, in the order asked.
 *
 * The thread starts at the first piece of work, with its own connection (read-only for a `read` thread);
 * it does not keep the process alive while idle. If it dies, the work it held fails as unavailable and the
 * next piece starts another. Rejections carry the SQLite failure as data (SqliteFailure), or are
 * StoreUnavailableError when the thread is gone.
 */
export class SqliteThread {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private nextId = 1;
  private closed = false;

  constructor(
    readonly file: string,
    readonly role: SqliteThreadRole,
  ) {}

  /** The rows of a read. */
  read(read: SqliteRead): Promise<unknown[]> {
    return this.run({ op: 'read', read }) as Promise<unknown[]>;
  }

  /** Resolves once the batch is committed and on disk. */
  async write(batch: TelemetryBatch): Promise<void> {
    await this.run({ op: 'write', batch });
  }

  /** The first seq given to the events, once they are committed and on disk. */
  append(stream: EventStream, events: readonly EncodedEvent[]): Promise<number> {
    return this.run({ op: 'append', stream, events }) as Promise<number>;
  }

  /**
   * Stops the thread; refuses work from now on. A read thread stops at once and the reads it held fail as
   * unavailable. A write thread first finishes the work it was given: a commit cut short would leave the
   * caller not knowing whether it was stored. Idempotent.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.role === 'write') await Promise.allSettled([...this.inFlight]);
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new StoreUnavailableError(`the SQLite store ${this.file} was closed during the ${this.role}`));
    await worker?.terminate();
  }

  private run(work: SqliteWork): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreUnavailableError(`the SQLite store ${this.file} is closed`));
    const worker = (this.worker ??= this.start());
    const id = this.nextId++;
    const answer = new Promise<unknown>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, work } satisfies SqliteRequest);
    });
    const settled = answer.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return answer;
  }

  private start(): Worker {
    const entry = join(__dirname, `sqlite-worker${extname(__filename)}`);
    const worker = new Worker(entry, { workerData: { file: this.file, role: this.role }, execArgv: workerExecArgv() });
    worker.unref();
    worker.on('message', (reply: SqliteReply) => this.answer(worker, reply));
    worker.on('error', (error) => this.lost(worker, `failed: ${error.message}`));
    worker.on('exit', (code) => this.lost(worker, `stopped with exit code ${code}`));
    return worker;
  }

  private answer(worker: Worker, reply: SqliteReply): void {
    const pending = this.pending.get(reply.id);
    if (pending === undefined) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) worker.unref();
    if ('failure' in reply) pending.reject(reply.failure);
    else pending.resolve(reply.value);
  }

  private lost(worker: Worker, what: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(new StoreUnavailableError(`the ${this.role} thread of the SQLite store ${this.file} ${what}; the next piece of work starts another`));
  }

  private failAll(error: Error): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const each of waiting) each.reject(error);
  }
}

/**
 * Run from TypeScript (ts-node, ts-jest), the thread needs ts-node to load its entry; compiled, it needs
 * nothing. The entry imports nothing through path aliases, so tsconfig-paths is not needed either.
 */
function workerExecArgv(): string[] {
  return extname(__filename) === '.ts' ? ['--require', require.resolve('ts-node/register/transpile-only')] : [];
}
