import type { FileHandle } from 'node:fs/promises';
import { asError, JournalClosedError, JournalFailedError } from './errors';
import { frameBytes, MAX_PAYLOAD_BYTES, writeFrame } from './record';
import { Segment } from './segment';
import { createSegmentFile } from './segment-files';
import type { SegmentSet } from './segment-set';

export interface CommittedRecord {
  readonly seq: number;
  /** A view into the committed batch buffer (owned by the journal, unlike the caller's buffer). */
  readonly payload: Buffer;
  readonly segment: Segment;
  readonly offset: number;
}

export interface GroupCommitOptions {
  readonly dir: string;
  readonly segmentBytes: number;
  readonly maxBatchDelayMs: number;
  readonly maxBatchBytes: number;
}

interface QueuedAppend {
  readonly payload: Buffer;
  readonly enqueuedAt: number;
  readonly resolve: (seq: number) => void;
  readonly reject: (error: Error) => void;
}

/**
 * Group commit: at most one write + fdatasync is in flight; appends arriving meanwhile queue and
 * go out together in the next single write and single fdatasync, in arrival order. Seqs are given
 * when a group is formed, not on arrival, so a failed write leaves no hole: the file is cut back
 * to its durable size and the next group reuses those seqs.
 */
export class GroupCommitter {
  private queue: QueuedAppend[] = [];
  private inFlight = false;
  private timer: ReturnType<typeof setTimeout> | ReturnType<typeof setImmediate> | undefined;
  private failure: Error | undefined;
  private closing = false;
  private idleWaiters: Array<() => void> = [];
  commits = 0;

  constructor(
    private readonly segments: SegmentSet,
    private handle: FileHandle,
    private readonly options: GroupCommitOptions,
    private readonly onCommit: (records: readonly CommittedRecord[], bytes: number) => void,
  ) {}

  /** The error that stopped the journal, if one did. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** The caller must not modify `payload` until the promise settles: it is copied only when its group is written. */
  append(payload: Buffer): Promise<number> {
    if (this.closing) return Promise.reject(new JournalClosedError());
    if (this.failure) return Promise.reject(new JournalFailedError(this.failure));
    if (payload.length > MAX_PAYLOAD_BYTES) return Promise.reject(new RangeError(`payload of ${payload.length} bytes exceeds ${MAX_PAYLOAD_BYTES}`));
    return new Promise<number>((resolve, reject) => {
      this.queue.push({ payload, enqueuedAt: performance.now(), resolve, reject });
      this.schedule();
    });
  }

  /** Lets queued appends finish, refuses new ones, and closes the active file. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.busy) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.handle.close();
  }

  private get busy(): boolean {
    return this.inFlight || this.timer !== undefined || this.queue.length > 0;
  }

  /**
   * Starts the next group unless one is in flight. Even with no delay configured it waits for
   * setImmediate: producers whose appends just resolved re-append in the microtasks that follow,
   * and this lets them join the next group instead of waiting a whole extra fdatasync.
   */
  private schedule(): void {
    if (this.inFlight || this.timer !== undefined) return;
    const oldest = this.queue[0];
    if (!oldest) {
      for (const wake of this.idleWaiters.splice(0)) wake();
      return;
    }
    const run = (): void => {
      this.timer = undefined;
      this.inFlight = true;
      void this.commitGroup().finally(() => {
        this.inFlight = false;
        this.schedule();
      });
    };
    const wait = this.options.maxBatchDelayMs - (performance.now() - oldest.enqueuedAt);
    this.timer = wait > 0 ? setTimeout(run, wait) : setImmediate(run);
  }

  private takeGroup(): QueuedAppend[] {
    let count = 0;
    let bytes = 0;
    while (count < this.queue.length && (count === 0 || bytes < this.options.maxBatchBytes)) {
      bytes += frameBytes((this.queue[count] as QueuedAppend).payload.length);
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async commitGroup(): Promise<void> {
    const group = this.takeGroup();
    try {
      if (this.failure) throw new JournalFailedError(this.failure);
      await this.rollIfFull();
      const segment = this.segments.active;
      const base = segment.size;
      const buffer = Buffer.allocUnsafe(group.reduce((sum, each) => sum + frameBytes(each.payload.length), 0));
      const records: CommittedRecord[] = [];
      let at = 0;
      for (const [index, each] of group.entries()) {
        const seq = segment.lastSeq + 1 + index;
        const end = writeFrame(buffer, at, seq, each.payload);
        records.push({ seq, payload: buffer.subarray(end - each.payload.length, end), segment, offset: base + at });
        at = end;
      }
      await this.writeAt(buffer, base);
      try {
        await this.handle.datasync();
      } catch (error) {
        throw this.fail(asError(error));
      }
      segment.size = base + buffer.length;
      for (const record of records) segment.noteRecord(record.seq, record.offset);
      segment.lastSeq = (records[records.length - 1] as CommittedRecord).seq;
      this.commits++;
      this.onCommit(records, buffer.length);
      for (const [index, each] of group.entries()) each.resolve((records[index] as CommittedRecord).seq);
    } catch (error) {
      const cause = asError(error);
      for (const each of group) each.reject(cause);
    }
  }

  /** One positional write of the whole group; on failure the file is cut back so nothing half-written stays. */
  private async writeAt(buffer: Buffer, position: number): Promise<void> {
    try {
      let written = 0;
      while (written < buffer.length) {
        const { bytesWritten } = await this.handle.write(buffer, written, buffer.length - written, position + written);
        if (bytesWritten === 0) throw new Error('write made no progress');
        written += bytesWritten;
      }
    } catch (error) {
      try {
        await this.handle.truncate(position);
        await this.handle.datasync();
      } catch (cleanup) {
        this.fail(asError(cleanup));
      }
      throw error;
    }
  }

  /** Starts a new segment before a group if the active one has reached its size (never an empty one). */
  private async rollIfFull(): Promise<void> {
    const current = this.segments.active;
    if (current.size < this.options.segmentBytes || current.isEmpty) return;
    const next = new Segment(this.options.dir, current.lastSeq + 1);
    const handle = await createSegmentFile(next.path);
    this.segments.add(next);
    const previous = this.handle;
    this.handle = handle;
    // Everything in the previous file is already fdatasync'd, so a failing close loses nothing.
    await previous.close().catch(() => undefined);
  }

  /** Stops the journal for good and fails everything queued; returns the error for the caller to throw. */
  private fail(cause: Error): Error {
    this.failure ??= cause;
    const error = new JournalFailedError(this.failure);
    for (const each of this.queue.splice(0)) each.reject(error);
    return cause;
  }
}
