/** A half-open span of time [from, to), epoch ms: a time equal to `to` is outside. */
export interface TimeRange {
  readonly from: number;
  readonly to: number;
}

export function rangeLength(range: TimeRange): number {
  return Math.max(0, range.to - range.from);
}

export function rangeContains(range: TimeRange, at: number): boolean {
  return range.from <= at && at < range.to;
}

/** Touching ranges ([a, b) and [b, c)) do not overlap; empty ranges overlap nothing. */
export function rangesOverlap(a: TimeRange, b: TimeRange): boolean {
  return a.from < b.to && b.from < a.to && a.from < a.to && b.from < b.to;
}

/** The part of `range` inside `within`, or undefined when nothing is left. */
export function clipRange(range: TimeRange, within: TimeRange): TimeRange | undefined {
  const from = Math.max(range.from, within.from);
  const to = Math.min(range.to, within.to);
  return from < to ? { from, to } : undefined;
}

/** Sorted, disjoint, non-empty ranges covering the same time; touching ranges become one. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((r) => r.from < r.to).sort((a, b) => a.from - b.from || a.to - b.to);
  const merged: TimeRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.from <= last.to) {
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, range.to) };
    } else {
      merged.push({ from: range.from, to: range.to });
    }
  }
  return merged;
}

/** Merged ranges, each clipped to `within`. */
export function clipRanges(ranges: readonly TimeRange[], within: TimeRange): TimeRange[] {
  return mergeRanges(ranges).flatMap((range) => clipRange(range, within) ?? []);
}

/** The time covered by both sets of ranges, merged. */
export function intersectRanges(a: readonly TimeRange[], b: readonly TimeRange[]): TimeRange[] {
  const left = mergeRanges(a);
  const right = mergeRanges(b);
  const both: TimeRange[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const l = left[i]!;
    const r = right[j]!;
    const overlap = clipRange(l, r);
    if (overlap) both.push(overlap);
    if (l.to <= r.to) i++;
    else j++;
  }
  return both;
}
