import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { JournalCorruptionError } from './errors';
import { readAt, scanFrames } from './frame-scanner';
import type { JournalLogger } from './options';
import { HEADER_BYTES, parseFrame } from './record';
import { Segment } from './segment';
import { listSegmentFiles, removeFile, type SegmentFile } from './segment-files';

export interface RecoveredLog {
  /** Validated segments in seq order, covered ones removed; empty for a new journal. */
  readonly segments: Segment[];
  /** Where the first record after the checkpoint starts, when the log holds one. */
  readonly firstPending?: { readonly segment: Segment; readonly offset: number };
}

const SCAN_CHUNK_BYTES = 1024 * 1024;

/**
 * Rebuilds the journal's view of its segments after a restart or crash. Every record after the
 * checkpoint is checked (length, CRC, seq continuity). Damage at the end of the last segment is
 * a write that never completed (no append was resolved for it), so it is cut off with a warning;
 * damage anywhere else may hide acknowledged records, so opening fails and names the place.
 */
export async function recoverLog(dir: string, checkpointSeq: number, log: JournalLogger): Promise<RecoveredLog> {
  const files = await listSegmentFiles(dir);
  // A segment is wholly checkpointed when the next one starts at or below checkpoint + 1.
  // Removing them here finishes a checkpoint whose deletions a crash interrupted.
  let first = 0;
  while (first < files.length - 1 && (files[first + 1] as SegmentFile).firstSeq - 1 <= checkpointSeq) {
    await removeFile((files[first] as SegmentFile).path);
    first++;
  }
  const retained = files.slice(first);
  const head = retained[0];
  if (head && head.firstSeq > checkpointSeq + 1) {
    throw new JournalCorruptionError(head.path, 0, `the log starts at seq ${head.firstSeq} but the checkpoint is ${checkpointSeq}: records in between are missing`);
  }
  const segments: Segment[] = [];
  let firstPending: RecoveredLog['firstPending'];
  for (const [index, file] of retained.entries()) {
    const previous = segments[segments.length - 1];
    if (previous && file.firstSeq !== previous.lastSeq + 1) {
      throw new JournalCorruptionError(file.path, 0, `the segment starts at seq ${file.firstSeq} but the previous one ends at ${previous.lastSeq}`);
    }
    const segment = new Segment(dir, file.firstSeq);
    const isLast = index === retained.length - 1;
    const pendingOffset = await scanSegment(segment, isLast, checkpointSeq + 1, log);
    if (pendingOffset !== undefined) firstPending = { segment, offset: pendingOffset };
    if (!isLast && segment.isEmpty) throw new JournalCorruptionError(file.path, 0, 'an empty segment in the middle of the log');
    segments.push(segment);
  }
  return firstPending ? { segments, firstPending } : { segments };
}

/** Validates one segment, filling in its size, last seq and index; returns the offset of `pendingSeq` if it is here. */
async function scanSegment(segment: Segment, isLast: boolean, pendingSeq: number, log: JournalLogger): Promise<number | undefined> {
  const handle = await fs.open(segment.path, 'r');
  let pendingOffset: number | undefined;
  let badOffset: number;
  let fileBytes: number;
  try {
    fileBytes = (await handle.stat()).size;
    const result = await scanFrames(handle, 0, fileBytes, SCAN_CHUNK_BYTES, (frame) => {
      if (frame.seq !== segment.lastSeq + 1) return { corrupt: `seq ${frame.seq} where ${segment.lastSeq + 1} was expected` };
      segment.noteRecord(frame.seq, frame.offset);
      segment.lastSeq = frame.seq;
      if (frame.seq === pendingSeq) pendingOffset = frame.offset;
      return 'next';
    });
    segment.size = result.offset;
    if (result.kind !== 'bad') return pendingOffset;
    if (!isLast) throw new JournalCorruptionError(segment.path, result.offset, result.reason);
    badOffset = result.offset;
    const later = await findLaterRecord(handle, badOffset + 1, fileBytes, segment.lastSeq);
    if (later) {
      throw new JournalCorruptionError(
        segment.path,
        badOffset,
        `${result.reason}; a valid record (seq ${later.seq}) follows at offset ${later.offset}, so this is not a torn tail`,
      );
    }
    log.warn(`journal: ${result.reason} in ${segment.path} at offset ${badOffset}; truncating the torn tail (${fileBytes - badOffset} bytes)`);
  } finally {
    await handle.close();
  }
  await truncateFile(segment.path, badOffset);
  return pendingOffset;
}

/**
 * Looks past a damaged spot for any frame that is valid and newer than `afterSeq`. Finding one
 * means the damage is not a torn tail. Cheap header checks come first so a big stretch of garbage
 * or zeros costs little; the tail of a segment is at most about one segment, so it is read at once.
 */
async function findLaterRecord(handle: FileHandle, from: number, end: number, afterSeq: number): Promise<{ seq: number; offset: number } | undefined> {
  if (end - from < HEADER_BYTES) return undefined;
  const rest = await readAt(handle, from, end - from);
  const highestPlausible = afterSeq + Math.ceil(rest.length / HEADER_BYTES) + 1;
  for (let at = 0; at + HEADER_BYTES <= rest.length; at++) {
    if (rest.readUInt32LE(at) > rest.length - at - HEADER_BYTES) continue;
    const seq = rest.readUInt32LE(at + 12) * 2 ** 32 + rest.readUInt32LE(at + 8);
    if (seq <= afterSeq || seq > highestPlausible) continue;
    const parsed = parseFrame(rest, at);
    if (parsed.kind === 'record') return { seq: parsed.seq, offset: from + at };
  }
  return undefined;
}

async function truncateFile(filePath: string, size: number): Promise<void> {
  const handle = await fs.open(filePath, 'r+');
  try {
    await handle.truncate(size);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
