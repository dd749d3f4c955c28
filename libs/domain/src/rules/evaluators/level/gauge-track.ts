import { levelTrendPerHour } from './level-trend';

/** Below this many dropped readings the arrays are not compacted: shifting costs more than it frees. */
const COMPACT_AFTER = 256;

/**
 * One gauge's recent levels by observation time, each with the trend (least squares, m/h) of the
 * gauge's readings in [its time − trendWindowMs, its time]. Appending in order fits one window; a late
 * reading is put in place and the trends of the readings whose window it falls in are fitted again.
 * Readings more than `keepMs` behind this gauge's newest are dropped. A reading at a time already held
 * is a copy (the other channel, a redelivery) and is refused.
 */
export class GaugeTrack {
  private times: number[] = [];
  private values: number[] = [];
  private trends: (number | undefined)[] = [];
  private head = 0;

  constructor(
    readonly trendWindowMs: number,
    readonly keepMs: number,
  ) {}

  get newestAt(): number | undefined {
    return this.times.length === this.head ? undefined : this.times[this.times.length - 1];
  }

  /** False when refused: a copy, or older than kept. */
  add(at: number, value: number): boolean {
    const newest = this.newestAt;
    if (newest === undefined || at > newest) {
      this.times.push(at);
      this.values.push(value);
      this.trends.push(this.fitAt(this.times.length - 1));
      this.dropBefore(at - this.keepMs);
      return true;
    }
    if (at < newest - this.keepMs) return false;
    const index = this.firstIndexAfter(at);
    if (index > this.head && this.times[index - 1] === at) return false;
    this.times.splice(index, 0, at);
    this.values.splice(index, 0, value);
    this.trends.splice(index, 0, undefined);
    for (let i = index; i < this.times.length && this.times[i]! <= at + this.trendWindowMs; i++) this.trends[i] = this.fitAt(i);
    return true;
  }

  /** Index of the newest reading at or before `at`, or −1. */
  indexAtOrBefore(at: number): number {
    const last = this.times.length - 1;
    // The common question is about the newest reading: answer it without searching.
    if (last >= this.head && this.times[last]! <= at) return last;
    const index = this.firstIndexAfter(at) - 1;
    return index >= this.head ? index : -1;
  }

  timeAt(index: number): number {
    return this.times[index]!;
  }

  valueAt(index: number): number {
    return this.values[index]!;
  }

  /** m/h; undefined when the window held a single reading. */
  trendAt(index: number): number | undefined {
    return this.trends[index];
  }

  private fitAt(index: number): number | undefined {
    const from = this.times[index]! - this.trendWindowMs;
    let first = index;
    while (first > this.head && this.times[first - 1]! >= from) first--;
    return levelTrendPerHour(this.times, this.values, first, index);
  }

  private dropBefore(cutoff: number): void {
    while (this.times[this.head]! < cutoff) this.head++;
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) {
      this.times = this.times.slice(this.head);
      this.values = this.values.slice(this.head);
      this.trends = this.trends.slice(this.head);
      this.head = 0;
    }
  }

  /** First index whose time is after `at`. */
  private firstIndexAfter(at: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.times[mid]! <= at) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
