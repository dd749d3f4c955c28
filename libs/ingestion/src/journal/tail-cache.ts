export interface CachedRecord {
  readonly seq: number;
  readonly payload: Buffer;
  /** Where the record's frame starts in its segment file, for checkpoint accounting. */
  readonly offset: number;
}

/** Rough per-entry cost beyond the payload (object, array slot, Buffer view). */
const ENTRY_OVERHEAD_BYTES = 96;
/** Compact the backing array once this many evicted slots have accumulated at its front. */
const COMPACT_AFTER = 4096;

/**
 * The most recent durable records, contiguous by seq and bounded in bytes, so a drain that keeps
 * up with the tail reads from memory instead of the segment files. The oldest go first; whatever
 * is evicted is still on disk.
 */
export class TailCache {
  private entries: CachedRecord[] = [];
  private head = 0;
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  /** The oldest cached seq, or undefined when empty. */
  get firstSeq(): number | undefined {
    return this.entries[this.head]?.seq;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  get usedBytes(): number {
    return this.bytes;
  }

  /** Adds the next record; a seq that does not follow the newest entry restarts the cache (kept contiguous). */
  push(record: CachedRecord): void {
    const newest = this.entries[this.entries.length - 1];
    if (this.size > 0 && newest !== undefined && record.seq !== newest.seq + 1) this.clear();
    this.entries.push(record);
    this.bytes += record.payload.length + ENTRY_OVERHEAD_BYTES;
    while (this.bytes > this.maxBytes && this.size > 0) this.dropOldest();
    this.compact();
  }

  get(seq: number): CachedRecord | undefined {
    const first = this.firstSeq;
    return first === undefined || seq < first ? undefined : this.entries[this.head + seq - first];
  }

  /** Forgets records up to and including `seq` (they are checkpointed, nobody needs them). */
  dropThrough(seq: number): void {
    while (this.size > 0 && (this.firstSeq as number) <= seq) this.dropOldest();
    this.compact();
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
  }

  private dropOldest(): void {
    const oldest = this.entries[this.head] as CachedRecord;
    this.bytes -= oldest.payload.length + ENTRY_OVERHEAD_BYTES;
    this.head++;
  }

  /** Shifting an array per eviction is O(n); slicing off the dead prefix now and then is O(1) amortised. */
  private compact(): void {
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.size === 0) this.clear();
  }
}
