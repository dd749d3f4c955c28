import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeDir, segmentNames } from './__fixtures__/temp-dir';
import { writeCheckpoint } from './checkpoint-file';
import { JournalCorruptionError, JournalFailedError } from './errors';
import { Journal } from './journal';
import { frameBytes } from './record';

const payloadOf = (i: number) => `record ${i}`.padEnd(40, '.');

/** A closed journal with `count` records (1..count) written one commit each. */
async function writeJournal(dir: string, count: number, segmentBytes = 64 * 1024 * 1024): Promise<void> {
  const journal = await Journal.open(dir, { segmentBytes });
  for (let i = 1; i <= count; i++) await journal.append(Buffer.from(payloadOf(i)));
  await journal.close();
}

async function readEverything(journal: Journal): Promise<string[]> {
  return (await journal.readAfter(0, 64 * 1024 * 1024)).map((record) => record.payload.toString());
}

function recordingLog(): { warn(message: string): void; warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, warn: (message) => warnings.push(message) };
}

async function flipByte(file: string, offset: number): Promise<void> {
  const content = await fs.readFile(file);
  content[offset] = (content[offset] as number) ^ 0xff;
  await fs.writeFile(file, content);
}

describe('Journal recovery', () => {
  let dir: string;
  const frame = frameBytes(40);
  const firstSegment = () => path.join(dir, '00000000000000000001.log');

  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => removeDir(dir));

  it('truncates a record torn in the middle and keeps everything before it', async () => {
    await writeJournal(dir, 10);
    await fs.truncate(firstSegment(), 10 * frame - 5);
    const log = recordingLog();
    const journal = await Journal.open(dir, { log });
    expect(log.warnings).toHaveLength(1);
    expect(log.warnings[0]).toContain(firstSegment());
    expect(journal.lastSeq).toBe(9);
    expect(await readEverything(journal)).toEqual(Array.from({ length: 9 }, (_, i) => payloadOf(i + 1)));
    expect((await fs.stat(firstSegment())).size).toBe(9 * frame);
    expect(await journal.append(Buffer.from('after'))).toBe(10);
    await journal.close();

    const again = recordingLog();
    const reopened = await Journal.open(dir, { log: again });
    expect(again.warnings).toEqual([]);
    expect((await reopened.readAfter(9, 1))[0]?.payload.toString()).toBe('after');
    await reopened.close();
  });

  it.each([
    ['random garbage', Buffer.from('this is not a journal record at all, just noise')],
    ['a zero-filled block', Buffer.alloc(4096)],
    ['a lone partial header', Buffer.from([1, 2, 3])],
  ])('cuts off %s appended after the last record', async (_, garbage) => {
    await writeJournal(dir, 10);
    await fs.appendFile(firstSegment(), garbage);
    const log = recordingLog();
    const journal = await Journal.open(dir, { log });
    expect(log.warnings).toHaveLength(1);
    expect(journal.lastSeq).toBe(10);
    expect(await readEverything(journal)).toHaveLength(10);
    expect((await fs.stat(firstSegment())).size).toBe(10 * frame);
    await journal.close();
  });

  it('refuses to open when a record before the last valid one is damaged, and changes nothing', async () => {
    await writeJournal(dir, 10);
    await flipByte(firstSegment(), 3 * frame + 20);
    const open = Journal.open(dir);
    await expect(open).rejects.toThrow(JournalCorruptionError);
    await expect(open).rejects.toThrow(`${firstSegment()} at offset ${3 * frame}`);
    expect((await fs.stat(firstSegment())).size).toBe(10 * frame);
  });

  it('refuses a damaged length field even though it looks like a torn tail', async () => {
    await writeJournal(dir, 10);
    const content = await fs.readFile(firstSegment());
    content.writeUInt32LE(100_000, 2 * frame);
    await fs.writeFile(firstSegment(), content);
    await expect(Journal.open(dir)).rejects.toThrow(/not a torn tail/);
  });

  it('refuses damage at the end of a segment that is not the last one', async () => {
    await writeJournal(dir, 40, 5 * frame);
    const names = await segmentNames(dir);
    expect(names.length).toBeGreaterThan(2);
    const damaged = path.join(dir, names[1]!);
    const size = (await fs.stat(damaged)).size;
    await fs.truncate(damaged, size - 3);
    await expect(Journal.open(dir)).rejects.toThrow(damaged);
  });

  it('refuses a log with a missing segment', async () => {
    await writeJournal(dir, 40, 5 * frame);
    const names = await segmentNames(dir);
    await fs.unlink(path.join(dir, names[2]!));
    await expect(Journal.open(dir)).rejects.toThrow(JournalCorruptionError);
  });

  it('finishes a checkpoint whose segment deletions a crash interrupted', async () => {
    await writeJournal(dir, 40, 5 * frame);
    const before = await segmentNames(dir);
    await writeCheckpoint(dir, 30);
    const journal = await Journal.open(dir, { segmentBytes: 5 * frame });
    const after = await segmentNames(dir);
    expect(after.length).toBeLessThan(before.length);
    expect((await journal.readAfter(0, 1024 * 1024)).map((r) => r.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 31 + i));
    expect(journal.pendingBytes).toBe(10 * frame);
    await journal.close();
  });

  it('starts a new journal above the checkpoint when the log ends before it', async () => {
    await writeJournal(dir, 5);
    await writeCheckpoint(dir, 8);
    const log = recordingLog();
    const journal = await Journal.open(dir, { log });
    expect(log.warnings.join()).toContain('before the checkpoint');
    expect(await journal.append(Buffer.from('next'))).toBe(9);
    await journal.close();
    expect(await segmentNames(dir)).toEqual(['00000000000000000009.log']);
  });

  it('rejects appends whose write fails, and stops after a failed clean-up', async () => {
    // /dev/full fails every write with ENOSPC and cannot be truncated, so the whole failure path runs.
    // (group-commit.spec covers the same path with a fake file, for systems without /dev/full.)
    if (!existsSync('/dev/full')) return;
    await fs.symlink('/dev/full', firstSegment());
    const journal = await Journal.open(dir);
    const results = await Promise.allSettled([journal.append(Buffer.from('a')), journal.append(Buffer.from('b'))]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(journal.failure).toBeDefined();
    await expect(journal.append(Buffer.from('c'))).rejects.toThrow(JournalFailedError);
    expect(journal.lastSeq).toBe(0);
    await journal.close();
  });
});
