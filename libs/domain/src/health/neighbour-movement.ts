/** How much the other gauges of the same kind in the same basin moved over the recent window. */
export interface NeighbourMovement {
  /** Neighbours with at least two readings in the window. */
  readonly neighbours: number;
  /** Median of their ranges (max − min); undefined without neighbours. */
  readonly medianRange: number | undefined;
}

/**
 * The ranges of one basin+kind group of gauges, sorted once per sweep, so that each gauge's
 * neighbour median (the group without itself) costs O(log n) and a sweep O(n log n) per group.
 */
export class NeighbourRanges {
  private readonly sorted: readonly number[];

  constructor(private readonly rangeOf: ReadonlyMap<string, number>) {
    this.sorted = [...rangeOf.values()].sort((a, b) => a - b);
  }

  /** Movement of the group seen from one gauge: its own range left out. */
  seenFrom(stationId: string): NeighbourMovement {
    const own = this.rangeOf.get(stationId);
    const skip = own === undefined ? -1 : firstIndexOf(this.sorted, own);
    const n = skip < 0 ? this.sorted.length : this.sorted.length - 1;
    if (n === 0) return { neighbours: 0, medianRange: undefined };
    const at = (k: number): number => this.sorted[skip >= 0 && k >= skip ? k + 1 : k]!;
    const middle = n >> 1;
    const medianRange = n % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
    return { neighbours: n, medianRange };
  }
}

function firstIndexOf(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return sorted[low] === value ? low : -1;
}
