import { makeTempDir, removeDir, segmentNames } from './__fixtures__/temp-dir';
import { JournalClosedError } from './errors';
import { Journal } from './journal';
import { frameBytes } from './record';

const text = (value: string) => Buffer.from(value);
const texts = (records: ReadonlyArray<{ payload: Buffer }>) => records.map((record) => record.payload.toString());

/** Reads everything after `seq` in pages of `pageBytes`, the way the drain does. */
async function readAll(journal: Journal, seq: number, pageBytes = 1024 * 1024): Promise<Array<{ seq: number; payload: Buffer }>> {
  const all: Array<{ seq: number; payload: Buffer }> = [];
  for (let page = await journal.readAfter(seq, pageBytes); page.length > 0; ) {
    all.push(...page);
    page = await journal.readAfter(page[page.length - 1]!.seq, pageBytes);
  }
  return all;
}

async function appendInSequence(journal: Journal, count: number, make: (i: number) => string): Promise<number[]> {
  const seqs: number[] = [];
  for (let i = 0; i < count; i++) seqs.push(await journal.append(text(make(i))));
  return seqs;
}

describe('Journal', () => {
  let dir: string;
  const opened: Journal[] = [];
  const open = async (options: Parameters<typeof Journal.open>[1] = {}) => {
    const journal = await Journal.open(dir, options);
    opened.push(journal);
    return journal;
  };

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    for (const journal of opened.splice(0)) await journal.close();
    await removeDir(dir);
  });

  it('round-trips appends through readAfter', async () => {
    const journal = await open();
    expect(journal.lastSeq).toBe(0);
    expect(await journal.append(text('a'))).toBe(1);
    expect(await journal.append(text('b'))).toBe(2);
    expect(await journal.append(text('c'))).toBe(3);
    expect(await journal.readAfter(0, 1024)).toEqual([
      { seq: 1, payload: text('a') },
      { seq: 2, payload: text('b') },
      { seq: 3, payload: text('c') },
    ]);
    expect(texts(await journal.readAfter(1, 1024))).toEqual(['b', 'c']);
    expect(await journal.readAfter(3, 1024)).toEqual([]);
    expect(journal.lastSeq).toBe(3);
  });

  it('returns about maxBytes per read, and always at least one record', async () => {
    const journal = await open();
    await appendInSequence(journal, 10, (i) => String(i).repeat(100).slice(0, 100));
    expect((await journal.readAfter(0, 250)).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect((await journal.readAfter(4, 0)).map((r) => r.seq)).toEqual([5]);
  });

  it('continues the sequence after a reopen and reads the old records from disk', async () => {
    const first = await open();
    await appendInSequence(first, 5, (i) => `old ${i}`);
    await first.close();

    const second = await open();
    expect(second.lastSeq).toBe(5);
    expect(await second.append(text('new'))).toBe(6);
    expect(texts(await readAll(second, 0))).toEqual(['old 0', 'old 1', 'old 2', 'old 3', 'old 4', 'new']);
    expect(second.stats.recordsReadFromDisk).toBe(5);
    expect(second.stats.recordsReadFromMemory).toBe(1);
  });

  it('persists the checkpoint, deletes covered segments and replays exactly the rest', async () => {
    const first = await open({ segmentBytes: 1024 });
    await appendInSequence(first, 100, (i) => `record ${i}`.padEnd(100, '.'));
    const before = await segmentNames(dir);
    expect(before.length).toBeGreaterThan(5);

    await first.checkpoint(50);
    expect(first.checkpointSeq).toBe(50);
    const after = await segmentNames(dir);
    expect(after.length).toBeLessThan(before.length);
    expect(after[0]! <= '00000000000000000051.log').toBe(true);
    await first.close();

    const second = await open({ segmentBytes: 1024 });
    expect(second.checkpointSeq).toBe(50);
    expect(second.lastSeq).toBe(100);
    const rest = await readAll(second, second.checkpointSeq, 700);
    expect(rest.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => 51 + i));
    expect(rest[0]!.payload.toString()).toBe('record 50'.padEnd(100, '.'));
    // Asking from before the checkpoint gives the same: checkpointed records are not handed out again.
    expect((await second.readAfter(0, 1))[0]!.seq).toBe(51);
  });

  it('never moves the checkpoint backwards nor beyond the log', async () => {
    const journal = await open();
    await appendInSequence(journal, 10, (i) => `r${i}`);
    await journal.checkpoint(6);
    await journal.checkpoint(4);
    expect(journal.checkpointSeq).toBe(6);
    await expect(journal.checkpoint(11)).rejects.toThrow(RangeError);
    await journal.close();
    expect((await open()).checkpointSeq).toBe(6);
  });

  it('turns full at its byte bound and back after a checkpoint, also across a reopen', async () => {
    const frame = frameBytes(100);
    const journal = await open({ maxBytes: 10 * frame });
    await appendInSequence(journal, 9, () => 'x'.repeat(100));
    expect(journal.pendingBytes).toBe(9 * frame);
    expect(journal.isFull()).toBe(false);
    await journal.append(text('x'.repeat(100)));
    expect(journal.isFull()).toBe(true);
    await journal.checkpoint(5);
    expect(journal.pendingBytes).toBe(5 * frame);
    expect(journal.isFull()).toBe(false);
    await journal.close();

    const reopened = await open({ maxBytes: 10 * frame });
    expect(reopened.pendingBytes).toBe(5 * frame);
    await reopened.checkpoint(10);
    expect(reopened.pendingBytes).toBe(0);
  });

  it('accounts pending bytes exactly when the checkpoint has to be found on disk', async () => {
    const frame = frameBytes(50);
    const journal = await open({ cacheBytes: 0, segmentBytes: 7 * frame });
    await appendInSequence(journal, 40, (i) => `${i}`.padEnd(50, '#'));
    await journal.checkpoint(23);
    expect(journal.pendingBytes).toBe(17 * frame);
    expect(journal.stats.recordsReadFromMemory).toBe(0);
    expect((await journal.readAfter(0, 1)).map((r) => r.payload.toString())).toEqual(['23'.padEnd(50, '#')]);
  });

  it('groups concurrent appends into few write + fdatasync rounds, in call order', async () => {
    const journal = await open();
    const seqs = await Promise.all(Array.from({ length: 1000 }, (_, i) => journal.append(text(`m${i}`))));
    expect(seqs).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(journal.stats.appends).toBe(1000);
    expect(journal.stats.commits).toBeLessThanOrEqual(10);
    expect(texts(await readAll(journal, 0))).toEqual(seqs.map((seq) => `m${seq - 1}`));
  });

  it('keeps each producer’s order when many await their own appends concurrently', async () => {
    const journal = await open({ segmentBytes: 4096 });
    const resolved = new Map<number, string>();
    await Promise.all(
      Array.from({ length: 16 }, async (_, producer) => {
        let previous = 0;
        for (let i = 0; i < 40; i++) {
          const payload = `p${producer}-${i}`;
          const seq = await journal.append(text(payload));
          expect(seq).toBeGreaterThan(previous);
          previous = seq;
          resolved.set(seq, payload);
        }
      }),
    );
    expect(journal.stats.commits).toBeLessThan(16 * 40);
    const records = await readAll(journal, 0, 512);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 640 }, (_, i) => i + 1));
    for (const record of records) expect(record.payload.toString()).toBe(resolved.get(record.seq));
  });

  it('falls back to the segment files when the drain is behind the in-memory tail', async () => {
    const journal = await open({ cacheBytes: 2048, segmentBytes: 2048 });
    await appendInSequence(journal, 60, (i) => `payload ${i}`.padEnd(64, '-'));
    const records = await readAll(journal, 0, 300);
    expect(records.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(records[59]!.payload.toString()).toBe('payload 59'.padEnd(64, '-'));
    expect(journal.stats.recordsReadFromDisk).toBeGreaterThan(0);
    expect(journal.stats.recordsReadFromMemory).toBeGreaterThan(0);
  });

  it('with maxBatchDelayMs, waits to gather appends that arrive a little apart', async () => {
    const journal = await open({ maxBatchDelayMs: 200 });
    const first = journal.append(text('one'));
    await new Promise((resolve) => setImmediate(resolve));
    const second = journal.append(text('two'));
    expect(await Promise.all([first, second])).toEqual([1, 2]);
    expect(journal.stats.commits).toBe(1);
  });

  it('close waits for queued appends, then refuses new ones', async () => {
    const journal = await open();
    const pending = Array.from({ length: 50 }, (_, i) => journal.append(text(`q${i}`)));
    await journal.close();
    expect(await Promise.all(pending)).toHaveLength(50);
    await expect(journal.append(text('late'))).rejects.toThrow(JournalClosedError);
    const reopened = await open();
    expect(reopened.lastSeq).toBe(50);
  });
});
