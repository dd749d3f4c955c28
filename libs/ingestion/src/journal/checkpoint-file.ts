import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { crc32 } from './crc32';
import { isErrnoException, JournalCorruptionError } from './errors';
import { removeFile, syncDirectory } from './segment-files';

/**
 * The checkpoint: the highest seq already stored downstream. 16 bytes:
 *   ["JCP1"][u32 seq low][u32 seq high][u32 CRC-32 of the first 12 bytes]
 * Replaced by write-temp + fsync + rename + fsync(dir), so a crash leaves the old or the new one.
 */
export const CHECKPOINT_FILE = 'checkpoint';
const TEMP_FILE = 'checkpoint.tmp';
const MAGIC = 'JCP1';
const FILE_BYTES = 16;
const TWO_POW_32 = 2 ** 32;

export function encodeCheckpoint(seq: number): Buffer {
  const buffer = Buffer.alloc(FILE_BYTES);
  buffer.write(MAGIC, 0, 'latin1');
  buffer.writeUInt32LE(seq >>> 0, 4);
  buffer.writeUInt32LE(Math.floor(seq / TWO_POW_32), 8);
  buffer.writeUInt32LE(crc32(buffer.subarray(0, 12)), 12);
  return buffer;
}

/** The seq in a checkpoint file's content, or undefined when it is not a valid checkpoint. */
export function decodeCheckpoint(buffer: Buffer): number | undefined {
  if (buffer.length !== FILE_BYTES || buffer.toString('latin1', 0, 4) !== MAGIC) return undefined;
  if (buffer.readUInt32LE(12) !== crc32(buffer.subarray(0, 12))) return undefined;
  const seq = buffer.readUInt32LE(8) * TWO_POW_32 + buffer.readUInt32LE(4);
  return Number.isSafeInteger(seq) ? seq : undefined;
}

/**
 * Reads the checkpoint of `dir` (0 when there is none yet) and removes a temp file left by a crash.
 * A damaged checkpoint is an error rather than 0: the segments before it may be deleted already,
 * so starting from 0 would look like a gap, and guessing would hide a real problem.
 */
export async function readCheckpoint(dir: string): Promise<number> {
  await removeFile(path.join(dir, TEMP_FILE));
  const file = path.join(dir, CHECKPOINT_FILE);
  let content: Buffer;
  try {
    content = await fs.readFile(file);
  } catch (error) {
    if (isErrnoException(error, 'ENOENT')) return 0;
    throw error;
  }
  const seq = decodeCheckpoint(content);
  if (seq === undefined) throw new JournalCorruptionError(file, 0, 'not a valid checkpoint file');
  return seq;
}

export async function writeCheckpoint(dir: string, seq: number): Promise<void> {
  const temp = path.join(dir, TEMP_FILE);
  const handle = await fs.open(temp, 'w');
  try {
    const content = encodeCheckpoint(seq);
    await handle.write(content, 0, content.length, 0);
    await handle.datasync();
  } finally {
    await handle.close();
  }
  await fs.rename(temp, path.join(dir, CHECKPOINT_FILE));
  await syncDirectory(dir);
}
