import { promises as fs } from 'node:fs';
import { JournalCorruptionError } from './errors';
import { scanFrames } from './frame-scanner';
import { INDEX_INTERVAL_BYTES, type Segment } from './segment';

export interface StoredRecord {
  readonly seq: number;
  readonly payload: Buffer;
  readonly offset: number;
}

const MIN_CHUNK_BYTES = 64 * 1024;
const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

/**
 * Reads records `fromSeq`..`toSeq` of one segment from disk, stopping once their payloads reach
 * `maxBytes` (always at least one record). Only the durable extent known now is read, so a batch
 * being written to the active segment is never seen half-done. CRCs are checked again because
 * the data may have rotted since it was written, and the store must not get damaged records.
 */
export async function readSegmentRecords(segment: Segment, fromSeq: number, toSeq: number, maxBytes: number): Promise<StoredRecord[]> {
  const start = segment.scanStartFor(fromSeq);
  const end = segment.size;
  const records: StoredRecord[] = [];
  if (fromSeq > toSeq || start >= end) return records;
  // One read usually covers the index gap before fromSeq plus the whole request.
  const chunkBytes = Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, maxBytes + INDEX_INTERVAL_BYTES));
  const handle = await fs.open(segment.path, 'r');
  try {
    let bytes = 0;
    const result = await scanFrames(handle, start, end, chunkBytes, (frame) => {
      if (frame.seq < fromSeq) return 'next';
      if (frame.seq > toSeq) return 'stop';
      records.push({ seq: frame.seq, payload: frame.payload, offset: frame.offset });
      bytes += frame.payload.length;
      return bytes >= maxBytes || frame.seq === toSeq ? 'stop' : 'next';
    });
    if (result.kind === 'bad') throw new JournalCorruptionError(segment.path, result.offset, result.reason);
    return records;
  } finally {
    await handle.close();
  }
}
