/** Below this many dropped entries the arrays are not compacted: shifting costs more than it frees. */
const COMPACT_AFTER = 256;

/**
 * The observations of the last `spanMs` of observation time, [newest − spanMs, newest] inclusive, and
 * the lowest of their values. Appending in order is amortised O(1): a monotonic queue holds the only
 * observations that can still become the minimum. A late observation inside the span is put in place
 * by binary search and the queue rebuilt (O(size), rare). One before the span, or at a time already
 * held (the other channel, a redelivery), is refused.
 */
export class SlidingMinimum {
  private times: number[] = [];
  private values: number[] = [];
  private head = 0;
  /** Indices into times/values, from `queueHead` on; their values strictly rise, their times too. */
  private queue: number[] = [];
  private queueHead = 0;

  constructor(readonly spanMs: number) {}

  get size(): number {
    return this.times.length - this.head;
  }

  get newestAt(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.times.length - 1];
  }

  get newestValue(): number | undefined {
    return this.size === 0 ? undefined : this.values[this.values.length - 1];
  }

  get oldestAt(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.head];
  }

  /** Lowest value in the span; undefined when empty. */
  get minimum(): number | undefined {
    return this.size === 0 ? undefined : this.values[this.queue[this.queueHead]!];
  }

  /** False when refused: a copy of a held observation, or one before the span. */
  add(at: number, value: number): boolean {
    const newest = this.newestAt;
    if (newest === undefined || at > newest) {
      this.append(at, value);
      this.dropBefore(at - this.spanMs);
      return true;
    }
    if (at < newest - this.spanMs) return false;
    const index = this.firstIndexAtOrAfter(at);
    if (this.times[index] === at) return false;
    this.times.splice(index, 0, at);
    this.values.splice(index, 0, value);
    this.rebuildQueue();
    return true;
  }

  private append(at: number, value: number): void {
    this.times.push(at);
    this.values.push(value);
    // Older values at or above the new one can never be the minimum again.
    while (this.queue.length > this.queueHead && this.values[this.queue[this.queue.length - 1]!]! >= value) this.queue.pop();
    this.queue.push(this.times.length - 1);
  }

  private dropBefore(cutoff: number): void {
    while (this.times[this.head]! < cutoff) this.head++;
    while (this.queue[this.queueHead]! < this.head) this.queueHead++;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.values = this.values.slice(this.head);
      this.head = 0;
      this.rebuildQueue();
    }
  }

  private rebuildQueue(): void {
    this.queue = [];
    this.queueHead = 0;
    for (let i = this.head; i < this.times.length; i++) {
      while (this.queue.length > 0 && this.values[this.queue[this.queue.length - 1]!]! >= this.values[i]!) this.queue.pop();
      this.queue.push(i);
    }
  }

  private firstIndexAtOrAfter(at: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! < at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
