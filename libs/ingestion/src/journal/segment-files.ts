import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { isErrnoException } from './errors';
import { parseSegmentFileName } from './segment';

export interface SegmentFile {
  readonly firstSeq: number;
  readonly path: string;
}

/** The segment files in `dir`, in seq order; other files are left alone. */
export async function listSegmentFiles(dir: string): Promise<SegmentFile[]> {
  const files: SegmentFile[] = [];
  for (const name of await fs.readdir(dir)) {
    const firstSeq = parseSegmentFileName(name);
    if (firstSeq !== undefined) files.push({ firstSeq, path: path.join(dir, name) });
  }
  return files.sort((a, b) => a.firstSeq - b.firstSeq);
}

/**
 * Creates a new, empty segment file and makes its directory entry durable before anything is
 * written to it: otherwise a power loss could take the whole file, fdatasync'd records and all.
 * 'w' (truncate) is safe because a new segment is only ever named after the last durable seq + 1,
 * which no existing file covers.
 */
export async function createSegmentFile(filePath: string): Promise<FileHandle> {
  const handle = await fs.open(filePath, 'w');
  try {
    await syncDirectory(path.dirname(filePath));
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** fsync on the directory itself, so created, renamed or removed entries survive a power loss. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a file; one that is already gone is what we wanted anyway. */
export async function removeFile(filePath: string): Promise<void> {
  try {
    await fs.unlink(filePath);
  } catch (error) {
    if (!isErrnoException(error, 'ENOENT')) throw error;
  }
}
