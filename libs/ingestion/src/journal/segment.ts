import * as path from 'node:path';

const NAME_DIGITS = 20;
const NAME_PATTERN = /^(\d{20})\.log$/;

/**
 * How far apart the sparse index points are. Reading a record by seq scans at most this many
 * bytes before it; one entry per 64 KiB costs ~16k entries for a full 1 GiB spool.
 */
export const INDEX_INTERVAL_BYTES = 64 * 1024;

/** Files are named by their first seq, zero-padded to the width of a u64, so name order is seq order. */
export function segmentFileName(firstSeq: number): string {
  return `${String(firstSeq).padStart(NAME_DIGITS, '0')}.log`;
}

export function parseSegmentFileName(name: string): number | undefined {
  const match = NAME_PATTERN.exec(name);
  if (!match?.[1]) return undefined;
  const seq = Number(match[1]);
  return Number.isSafeInteger(seq) && seq > 0 ? seq : undefined;
}

/**
 * What the journal knows about one segment file: its durable extent and a sparse seq → offset
 * index. `size` and `lastSeq` only ever cover bytes that have been fdatasync'd, so readers that
 * stay within them never see a batch that is still being written.
 */
export class Segment {
  readonly path: string;
  size = 0;
  lastSeq: number;
  private readonly indexSeqs: number[] = [];
  private readonly indexOffsets: number[] = [];

  constructor(
    dir: string,
    readonly firstSeq: number,
  ) {
    this.path = path.join(dir, segmentFileName(firstSeq));
    this.lastSeq = firstSeq - 1;
  }

  get isEmpty(): boolean {
    return this.lastSeq < this.firstSeq;
  }

  /** Records, in order, where a record starts; keeps one point per INDEX_INTERVAL_BYTES. */
  noteRecord(seq: number, offset: number): void {
    const lastOffset = this.indexOffsets[this.indexOffsets.length - 1];
    if (lastOffset === undefined || offset - lastOffset >= INDEX_INTERVAL_BYTES) {
      this.indexSeqs.push(seq);
      this.indexOffsets.push(offset);
    }
  }

  /** An offset where a record with seq <= `seq` starts, as close to `seq` as the index allows. */
  scanStartFor(seq: number): number {
    let low = 0;
    let high = this.indexSeqs.length - 1;
    let best = 0;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      if ((this.indexSeqs[mid] as number) <= seq) {
        best = this.indexOffsets[mid] as number;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return best;
  }
}
