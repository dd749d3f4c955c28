/** One step of a fold over observations in observation-time order. */
export type FoldStep<V, S> = (previous: S, at: number, value: V) => S;

/** Below this many dropped entries the arrays are not compacted: shifting costs more than it frees. */
const COMPACT_AFTER = 256;

/**
 * Observations by observation time with the state of a fold after each, so a verdict that depends on
 * the whole path (hysteresis, how long a level has held) is the same whatever order readings arrive in.
 * Appending in order is one fold step (amortised O(1)). A late observation is put in its place by binary
 * search and the fold re-run from there from the stored state before it: O(entries after it), rare.
 * Entries older than `keepMs` behind the newest are dropped into the base state, and observations
 * that old are refused: they can no longer be placed.
 */
export class FoldedHistory<V, S> {
  private readonly times: number[] = [];
  private readonly values: V[] = [];
  private readonly states: S[] = [];
  private head = 0;
  private base: S;

  constructor(
    private readonly step: FoldStep<V, S>,
    initial: S,
    readonly keepMs: number,
  ) {
    this.base = initial;
  }

  get size(): number {
    return this.times.length - this.head;
  }

  get newestAt(): number | undefined {
    return this.size === 0 ? undefined : this.times[this.times.length - 1];
  }

  /** The fold state after the newest observation (the initial state when there is none). */
  get newestState(): S {
    return this.size === 0 ? this.base : this.states[this.states.length - 1]!;
  }

  get newestValue(): V | undefined {
    return this.size === 0 ? undefined : this.values[this.values.length - 1];
  }

  /** Index of the newest entry; entries are indexed from `firstIndex` to here, by observation time. */
  get lastIndex(): number {
    return this.times.length - 1;
  }

  /** Index of the oldest entry held. */
  get firstIndex(): number {
    return this.head;
  }

  timeAt(index: number): number {
    return this.times[index]!;
  }

  valueAt(index: number): V {
    return this.values[index]!;
  }

  /** The fold state after the entry at `index`. */
  stateAt(index: number): S {
    return this.states[index]!;
  }

  /** Index of the oldest entry observed at or after `at` (lastIndex + 1 when none is). */
  indexAtOrAfter(at: number): number {
    return this.firstIndexAtOrAfter(at);
  }

  has(at: number): boolean {
    const index = this.firstIndexAtOrAfter(at);
    return index < this.times.length && this.times[index] === at;
  }

  /** Older than the kept span: such an observation is refused by `put`. */
  isTooOld(at: number): boolean {
    const newest = this.newestAt;
    return newest !== undefined && at < newest - this.keepMs;
  }

  /**
   * Puts `value` at `at` (replacing the value held there, if any) and re-folds from it. Returns the
   * entry's index, from which every later state may have changed (the newest index for an entry in
   * order); −1, and nothing changes, when `at` is too old. Indices stay valid until the next put.
   */
  put(at: number, value: V): number {
    if (this.isTooOld(at)) return -1;
    const newest = this.newestAt;
    if (newest === undefined || at > newest) {
      const state = this.step(this.newestState, at, value);
      this.times.push(at);
      this.values.push(value);
      this.states.push(state);
      this.dropOlderThan(at - this.keepMs);
      return this.times.length - 1;
    }
    const index = this.firstIndexAtOrAfter(at);
    if (this.times[index] === at) {
      this.values[index] = value;
    } else {
      this.times.splice(index, 0, at);
      this.values.splice(index, 0, value);
      this.states.splice(index, 0, this.base);
    }
    this.refoldFrom(index);
    return index;
  }

  private refoldFrom(index: number): void {
    let state = index === this.head ? this.base : this.states[index - 1]!;
    for (let i = index; i < this.times.length; i++) {
      state = this.step(state, this.times[i]!, this.values[i]!);
      this.states[i] = state;
    }
  }

  /** Never drops the newest entry, whose state is the verdict. */
  private dropOlderThan(cutoff: number): void {
    const last = this.times.length - 1;
    while (this.head < last && this.times[this.head]! < cutoff) {
      this.base = this.states[this.head]!;
      this.head++;
    }
    if (this.head >= COMPACT_AFTER && this.head * 2 >= this.times.length) {
      this.times.splice(0, this.head);
      this.values.splice(0, this.head);
      this.states.splice(0, this.head);
      this.head = 0;
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
