import type { Segment } from './segment';

/**
 * The live segments in seq order. The last one is the active segment appends go to; it is never
 * removed, so there is always somewhere to write and the last seq is always known.
 */
export class SegmentSet {
  private readonly list: Segment[];

  constructor(segments: readonly Segment[]) {
    if (segments.length === 0) throw new Error('a journal needs at least one segment');
    this.list = [...segments];
  }

  get active(): Segment {
    return this.list[this.list.length - 1] as Segment;
  }

  get all(): readonly Segment[] {
    return this.list;
  }

  add(segment: Segment): void {
    if (segment.firstSeq !== this.active.lastSeq + 1) {
      throw new Error(`segment ${segment.firstSeq} does not follow ${this.active.lastSeq}`);
    }
    this.list.push(segment);
  }

  /** The segment holding `seq`, if it has not been removed. */
  find(seq: number): Segment | undefined {
    let low = 0;
    let high = this.list.length - 1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const segment = this.list[mid] as Segment;
      if (seq < segment.firstSeq) high = mid - 1;
      else if (seq > segment.lastSeq && mid < this.list.length - 1) low = mid + 1;
      else return seq <= segment.lastSeq ? segment : undefined;
    }
    return undefined;
  }

  /** Takes out (and returns) the segments, other than the active one, whose records are all <= seq. */
  removeCoveredBy(seq: number): Segment[] {
    let count = 0;
    while (count < this.list.length - 1 && (this.list[count] as Segment).lastSeq <= seq) count++;
    return this.list.splice(0, count);
  }

  /** Bytes from `offset` in `segment` to the end of the log. */
  bytesFrom(segment: Segment, offset: number): number {
    let total = 0;
    let counting = false;
    for (const each of this.list) {
      if (each === segment) {
        counting = true;
        total += each.size - offset;
      } else if (counting) {
        total += each.size;
      }
    }
    return total;
  }
}
