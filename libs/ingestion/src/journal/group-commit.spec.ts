import type { FileHandle } from 'node:fs/promises';
import { JournalFailedError } from './errors';
import { GroupCommitter } from './group-commit';
import { frameBytes } from './record';
import { Segment } from './segment';
import { SegmentSet } from './segment-set';

/** Stands in for the active segment's FileHandle so write and sync failures can be injected. */
class FakeFile {
  readonly writes: Array<{ bytes: number; position: number }> = [];
  readonly truncations: number[] = [];
  syncs = 0;
  failNextWrite: Error | undefined;
  failNextSync: Error | undefined;
  /** While set, fdatasync waits for it, as a slow disk would. */
  syncGate: Promise<void> | undefined;

  async write(_buffer: Buffer, _offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    const failure = this.failNextWrite;
    this.failNextWrite = undefined;
    if (failure) throw failure;
    this.writes.push({ bytes: length, position });
    return { bytesWritten: length };
  }

  async datasync(): Promise<void> {
    await this.syncGate;
    const failure = this.failNextSync;
    this.failNextSync = undefined;
    if (failure) throw failure;
    this.syncs++;
  }

  async truncate(size: number): Promise<void> {
    this.truncations.push(size);
  }

  async close(): Promise<void> {}
}

function committerWithFakeFile(): { committer: GroupCommitter; file: FakeFile; segment: Segment } {
  const file = new FakeFile();
  const segment = new Segment('/nonexistent', 1);
  const committer = new GroupCommitter(
    new SegmentSet([segment]),
    file as unknown as FileHandle,
    { dir: '/nonexistent', segmentBytes: 1 << 30, maxBatchDelayMs: 0, maxBatchBytes: 1 << 20 },
    () => undefined,
  );
  return { committer, file, segment };
}

const payload = Buffer.from('0123456789');

/** The rejection of `promise` (undefined if it resolves), observed at once so it is never unhandled. */
function failureOf(promise: Promise<unknown>): Promise<Error | undefined> {
  return promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
}

describe('GroupCommitter', () => {
  it('writes each group with one write and one fdatasync', async () => {
    const { committer, file, segment } = committerWithFakeFile();
    expect(await Promise.all([committer.append(payload), committer.append(payload), committer.append(payload)])).toEqual([1, 2, 3]);
    expect(file.writes).toEqual([{ bytes: 3 * frameBytes(10), position: 0 }]);
    expect(file.syncs).toBe(1);
    expect(committer.commits).toBe(1);
    expect(segment.size).toBe(3 * frameBytes(10));
  });

  it('caps a group at maxBatchBytes', async () => {
    const file = new FakeFile();
    const committer = new GroupCommitter(
      new SegmentSet([new Segment('/nonexistent', 1)]),
      file as unknown as FileHandle,
      { dir: '/nonexistent', segmentBytes: 1 << 30, maxBatchDelayMs: 0, maxBatchBytes: 2 * frameBytes(10) },
      () => undefined,
    );
    await Promise.all(Array.from({ length: 5 }, () => committer.append(payload)));
    expect(file.writes.map((write) => write.bytes)).toEqual([2, 2, 1].map((n) => n * frameBytes(10)));
  });

  it('rejects a group whose write fails, cuts the file back, and reuses its seqs', async () => {
    const { committer, file, segment } = committerWithFakeFile();
    expect(await committer.append(payload)).toBe(1);
    file.failNextWrite = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    await expect(committer.append(payload)).rejects.toThrow('no space left');
    expect(file.truncations).toEqual([frameBytes(10)]);
    expect(segment.lastSeq).toBe(1);
    expect(committer.failed).toBeUndefined();
    expect(await committer.append(payload)).toBe(2);
    expect(file.writes[1]).toEqual({ bytes: frameBytes(10), position: frameBytes(10) });
  });

  it('stops for good after a failed fdatasync, failing what is queued', async () => {
    const { committer, file } = committerWithFakeFile();
    let releaseSync = (): void => undefined;
    file.syncGate = new Promise((resolve) => (releaseSync = resolve));
    file.failNextSync = new Error('EIO');
    const first = failureOf(committer.append(payload));
    await new Promise((resolve) => setImmediate(resolve));
    // The first group is now waiting in fdatasync; this one queues behind it.
    const queued = failureOf(committer.append(payload));
    releaseSync();
    expect((await first)?.message).toBe('EIO');
    expect(await queued).toBeInstanceOf(JournalFailedError);
    expect(file.writes).toHaveLength(1);
    await expect(committer.append(payload)).rejects.toThrow(JournalFailedError);
    expect(committer.failed?.message).toBe('EIO');
  });
});
