import { promises as fs } from 'node:fs';
import { readCheckpoint, writeCheckpoint } from './checkpoint-file';
import { isErrnoException, JournalClosedError } from './errors';
import { type CommittedRecord, GroupCommitter } from './group-commit';
import { type JournalOptions, type ResolvedJournalOptions, resolveJournalOptions } from './options';
import { recoverLog } from './recovery';
import { Segment } from './segment';
import { createSegmentFile, removeFile } from './segment-files';
import { readSegmentRecords, type StoredRecord } from './segment-reader';
import { SegmentSet } from './segment-set';
import { TailCache } from './tail-cache';

export interface JournalRecord {
  readonly seq: number;
  readonly payload: Buffer;
}

export interface JournalStats {
  /** Records made durable since open. */
  readonly appends: number;
  /** Group commits (one write + one fdatasync each) since open. */
  readonly commits: number;
  readonly bytesWritten: number;
  readonly recordsReadFromMemory: number;
  readonly recordsReadFromDisk: number;
}

/**
 * A durable, bounded, append-only journal that is also the spool between acknowledgement and
 * the store. `append` resolves only after the record is fdatasync'd (group-committed with other
 * appends); `readAfter` + `checkpoint` let a drain move records downstream in order; everything
 * after the checkpoint survives a crash and is read again after `open`.
 * One process per directory: there is no lock file (a stale one after SIGKILL would need its own recovery).
 */
export class Journal {
  private checkpointed: number;
  private pending: number;
  private closed = false;
  private closing: Promise<void> | undefined;
  private checkpointChain: Promise<void> = Promise.resolve();
  private readonly counters = { appends: 0, bytesWritten: 0, recordsReadFromMemory: 0, recordsReadFromDisk: 0 };
  private readonly cache: TailCache;
  private readonly committer: GroupCommitter;

  private constructor(
    private readonly dir: string,
    private readonly options: ResolvedJournalOptions,
    private readonly segments: SegmentSet,
    handle: fs.FileHandle,
    checkpointSeq: number,
    pendingBytes: number,
  ) {
    this.checkpointed = checkpointSeq;
    this.pending = pendingBytes;
    this.cache = new TailCache(options.cacheBytes);
    this.committer = new GroupCommitter(segments, handle, { dir, ...options }, (records, bytes) => this.committed(records, bytes));
  }

  static async open(dir: string, options: JournalOptions = {}): Promise<Journal> {
    const resolved = resolveJournalOptions(options);
    await fs.mkdir(dir, { recursive: true });
    const checkpointSeq = await readCheckpoint(dir);
    const recovered = await recoverLog(dir, checkpointSeq, resolved.log);
    const last = recovered.segments[recovered.segments.length - 1];
    let handle: fs.FileHandle;
    let segments: SegmentSet;
    if (last && last.lastSeq >= checkpointSeq) {
      segments = new SegmentSet(recovered.segments);
      handle = await fs.open(last.path, 'r+');
    } else {
      // A new journal, or (only after damage) a log that ends before the checkpoint: new appends
      // must still get seqs above the checkpoint, so they start a segment of their own.
      if (last) resolved.log.warn(`journal: the log ends at seq ${last.lastSeq}, before the checkpoint ${checkpointSeq}`);
      const fresh = new Segment(dir, checkpointSeq + 1);
      handle = await createSegmentFile(fresh.path);
      segments = new SegmentSet([fresh]);
      for (const old of recovered.segments) await removeFile(old.path);
    }
    const pendingBytes = recovered.firstPending ? segments.bytesFrom(recovered.firstPending.segment, recovered.firstPending.offset) : 0;
    return new Journal(dir, resolved, segments, handle, checkpointSeq, pendingBytes);
  }

  get checkpointSeq(): number {
    return this.checkpointed;
  }

  /** The highest durable seq (0 for a journal never written to). */
  get lastSeq(): number {
    return this.segments.active.lastSeq;
  }

  /** Bytes (frames, headers included) of records after the checkpoint. */
  get pendingBytes(): number {
    return this.pending;
  }

  /** The spool has reached its bound: stop acknowledging so the broker keeps the backlog. */
  isFull(): boolean {
    return this.pending >= this.options.maxBytes;
  }

  /** Set when a failed sync stopped the journal; a health check should report it. */
  get failure(): Error | undefined {
    return this.committer.failed;
  }

  get stats(): JournalStats {
    return { ...this.counters, commits: this.committer.commits };
  }

  /**
   * Resolves with the record's seq once it is durable. Appends are not refused when the journal is
   * full (the caller asks `isFull()` first); a rejection means the record may not be durable and
   * the message must not be acknowledged.
   */
  append(payload: Buffer): Promise<number> {
    return this.closed ? Promise.reject(new JournalClosedError()) : this.committer.append(payload);
  }

  /**
   * Durable records with seq > `seq` (and above the checkpoint), in order, until their payloads
   * reach about `maxBytes` (at least one record when there is one).
   */
  async readAfter(seq: number, maxBytes: number): Promise<JournalRecord[]> {
    if (this.closed) throw new JournalClosedError();
    if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`readAfter: invalid seq ${seq}`);
    // Only what is durable now; appends landing during the reads wait for the next call.
    const last = this.lastSeq;
    const records: JournalRecord[] = [];
    let bytes = 0;
    let next = Math.max(seq, this.checkpointed) + 1;
    while (next <= last && (records.length === 0 || bytes < maxBytes)) {
      const fromMemory = this.readFromMemory(next, last, maxBytes - bytes);
      const found = fromMemory.length > 0 ? fromMemory : await this.readFromDisk(next, last, maxBytes - bytes);
      if (found.length === 0) {
        // Its segment was deleted by a checkpoint meanwhile: those records are stored already.
        if (next <= this.checkpointed) {
          next = this.checkpointed + 1;
          continue;
        }
        throw new Error(`journal: seq ${next} is durable but could not be read`);
      }
      for (const record of found) {
        records.push({ seq: record.seq, payload: record.payload });
        bytes += record.payload.length;
      }
      next = (found[found.length - 1] as JournalRecord).seq + 1;
    }
    return records;
  }

  /**
   * Everything up to and including `seq` is stored downstream. Persists atomically, frees the
   * segments wholly covered and lowers `pendingBytes`. Never moves backwards; calls are serialised.
   */
  checkpoint(seq: number): Promise<void> {
    const run = this.checkpointChain.then(() => this.advanceCheckpoint(seq));
    this.checkpointChain = run.catch(() => undefined);
    return run;
  }

  /** Waits for queued appends and checkpoints, then closes the files. */
  close(): Promise<void> {
    this.closed = true;
    this.closing ??= (async () => {
      await this.committer.close();
      await this.checkpointChain;
      this.cache.clear();
    })();
    return this.closing;
  }

  private async advanceCheckpoint(seq: number): Promise<void> {
    if (!Number.isSafeInteger(seq) || seq < 0) throw new RangeError(`checkpoint: invalid seq ${seq}`);
    if (seq <= this.checkpointed) return;
    if (seq > this.lastSeq) throw new RangeError(`checkpoint: seq ${seq} is beyond the last durable seq ${this.lastSeq}`);
    const firstPending = await this.locate(seq + 1);
    await writeCheckpoint(this.dir, seq);
    this.checkpointed = seq;
    this.cache.dropThrough(seq);
    this.pending = this.segments.bytesFrom(firstPending.segment, firstPending.offset);
    for (const segment of this.segments.removeCoveredBy(seq)) {
      // A segment left behind is removed at the next open; it is only disk space.
      await removeFile(segment.path).catch((error: unknown) => {
        this.options.log.warn(`journal: could not remove ${segment.path}: ${String(error)}`);
      });
    }
  }

  /** Where the record `seq` starts (the end of the log if it is not written yet). */
  private async locate(seq: number): Promise<{ segment: Segment; offset: number }> {
    const active = this.segments.active;
    if (seq > active.lastSeq) return { segment: active, offset: active.size };
    const segment = this.segments.find(seq);
    if (!segment) throw new Error(`journal: no segment holds seq ${seq}`);
    const cached = this.cache.get(seq);
    if (cached) return { segment, offset: cached.offset };
    const [record] = await readSegmentRecords(segment, seq, seq, 0);
    if (!record) throw new Error(`journal: seq ${seq} not found in ${segment.path}`);
    return { segment, offset: record.offset };
  }

  /** Records from `fromSeq` on that are still in the tail cache (none if `fromSeq` is older). */
  private readFromMemory(fromSeq: number, toSeq: number, maxBytes: number): JournalRecord[] {
    const found: JournalRecord[] = [];
    let bytes = 0;
    for (let seq = fromSeq; seq <= toSeq && (found.length === 0 || bytes < maxBytes); seq++) {
      const record = this.cache.get(seq);
      if (!record) break;
      found.push(record);
      bytes += record.payload.length;
    }
    this.counters.recordsReadFromMemory += found.length;
    return found;
  }

  /** Records from `fromSeq` on from its segment file, stopping before what the cache holds. */
  private async readFromDisk(fromSeq: number, toSeq: number, maxBytes: number): Promise<StoredRecord[]> {
    const segment = this.segments.find(fromSeq);
    if (!segment) return [];
    const cacheStart = this.cache.firstSeq;
    const upTo = Math.min(toSeq, segment.lastSeq, cacheStart !== undefined && cacheStart > fromSeq ? cacheStart - 1 : toSeq);
    try {
      const found = await readSegmentRecords(segment, fromSeq, upTo, maxBytes);
      this.counters.recordsReadFromDisk += found.length;
      return found;
    } catch (error) {
      if (isErrnoException(error, 'ENOENT')) return [];
      throw error;
    }
  }

  private committed(records: readonly CommittedRecord[], bytes: number): void {
    for (const record of records) this.cache.push({ seq: record.seq, payload: record.payload, offset: record.offset });
    this.counters.appends += records.length;
    this.counters.bytesWritten += bytes;
    this.pending += bytes;
  }
}
