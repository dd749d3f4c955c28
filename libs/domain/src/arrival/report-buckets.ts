import { DAY_MS } from '../time/durations';
import { hydrologicalDayOf } from '../time/hydrological-day';
import type { TimeRange } from '../time/time-range';

/** Bucket width in ms (DAY_MS gives hydrological days), or `range` for one bucket over the whole range. */
export type ReportEvery = number | 'range';

/** One period of a report: [from, to) is the bucket clipped to the range; `time` is the bucket start the store uses. */
export interface ReportBucket extends TimeRange {
  readonly time: number;
  /** The hydrological day, when buckets are days. */
  readonly day?: string;
}

/** The buckets of the range, in order. Buckets are epoch-aligned, so the first and last may be partial. */
export function reportBuckets(range: TimeRange, every: ReportEvery): ReportBucket[] {
  if (!(range.from < range.to)) return [];
  if (every === 'range') return [{ time: range.from, from: range.from, to: range.to }];
  if (!Number.isInteger(every) || every <= 0) throw new RangeError(`Bucket width must be a positive whole number of ms, got ${every}`);
  const buckets: ReportBucket[] = [];
  for (let time = bucketStart(range.from, every); time < range.to; time += every) {
    buckets.push({
      time,
      from: Math.max(time, range.from),
      to: Math.min(time + every, range.to),
      ...(every === DAY_MS ? { day: hydrologicalDayOf(time).label } : {}),
    });
  }
  return buckets;
}

export function bucketStart(time: number, every: number): number {
  return Math.floor(time / every) * every;
}
