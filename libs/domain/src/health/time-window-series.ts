import type { SeriesObserver } from './running-linear-fit';

/** Smallest and largest value of the points in a time span, and how many there were. */
export interface ValueRange {
  readonly min: number;
  readonly max: number;
  readonly count: number;
}

/**
 * The recent values of one element at one station, in observation-time order, over a sliding
 * window that ends at the newest point. A ring buffer: appending in order and dropping what
 * falls out of the window are O(1) amortised, so the hot path stays cheap. A late point (older
 * than the newest) is put in its place by binary search and a shift: O(size), but rare (gap
 * fills, a lost cellular report delivered by BeiDou). A point at a time already held is a copy
 * (the other channel, a redelivery) and is ignored.
 */
export class TimeWindowSeries {
  private times: Float64Array;
  private values: Float64Array;
  private head = 0;
  private count = 0;

  constructor(
    readonly windowMs: number,
    readonly maxPoints: number,
    private readonly observer?: SeriesObserver,
    initialCapacity = 8,
  ) {
    const capacity = Math.max(1, Math.min(initialCapacity, maxPoints));
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** i = 0 is the oldest point. */
  timeAt(i: number): number {
    return this.times[this.slot(i)]!;
  }

  valueAt(i: number): number {
    return this.values[this.slot(i)]!;
  }

  newestTime(): number | undefined {
    return this.count === 0 ? undefined : this.timeAt(this.count - 1);
  }

  /** Adds a point; false when it was a copy of one held or older than the window. */
  add(time: number, value: number): boolean {
    const newest = this.newestTime();
    if (newest === undefined || time > newest) {
      this.append(time, value);
      this.dropBefore(time - this.windowMs);
      return true;
    }
    if (time < newest - this.windowMs) return false;
    const at = this.firstIndexAtOrAfter(time);
    if (at < this.count && this.timeAt(at) === time) return false;
    return this.insertAt(at, time, value);
  }

  /** Range of the points observed at or after `from`; undefined when there are none. */
  rangeSince(from: number): ValueRange | undefined {
    let min = Infinity;
    let max = -Infinity;
    let count = 0;
    // Newest first: only the points inside the span are visited.
    for (let i = this.count - 1; i >= 0 && this.timeAt(i) >= from; i--) {
      const value = this.valueAt(i);
      if (value < min) min = value;
      if (value > max) max = value;
      count++;
    }
    return count === 0 ? undefined : { min, max, count };
  }

  private slot(i: number): number {
    return (this.head + i) % this.times.length;
  }

  private append(time: number, value: number): void {
    if (this.count === this.maxPoints) this.dropOldest();
    if (this.count === this.times.length) this.grow();
    const at = this.slot(this.count);
    this.times[at] = time;
    this.values[at] = value;
    this.count++;
    this.observer?.pointAdded(time, value);
  }

  private insertAt(index: number, time: number, value: number): boolean {
    if (this.count === this.maxPoints) {
      // Full: the oldest point goes, unless the late one would itself be the oldest.
      if (index === 0) return false;
      this.dropOldest();
      index--;
    }
    if (this.count === this.times.length) this.grow();
    for (let i = this.count; i > index; i--) {
      this.times[this.slot(i)] = this.timeAt(i - 1);
      this.values[this.slot(i)] = this.valueAt(i - 1);
    }
    this.times[this.slot(index)] = time;
    this.values[this.slot(index)] = value;
    this.count++;
    this.observer?.pointAdded(time, value);
    return true;
  }

  private dropBefore(cutoff: number): void {
    while (this.count > 0 && this.timeAt(0) < cutoff) this.dropOldest();
  }

  private dropOldest(): void {
    this.observer?.pointRemoved(this.times[this.head]!, this.values[this.head]!);
    this.head = (this.head + 1) % this.times.length;
    this.count--;
  }

  private grow(): void {
    const capacity = Math.min(this.maxPoints, this.times.length * 2);
    const times = new Float64Array(capacity);
    const values = new Float64Array(capacity);
    for (let i = 0; i < this.count; i++) {
      times[i] = this.timeAt(i);
      values[i] = this.valueAt(i);
    }
    this.times = times;
    this.values = values;
    this.head = 0;
  }

  private firstIndexAtOrAfter(time: number): number {
    let low = 0;
    let high = this.count;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.timeAt(mid) < time) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
