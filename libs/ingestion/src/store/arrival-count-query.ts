import type { ArrivalCount, ArrivalCountQuery } from './reading-store';

/**
 * The bucket arithmetic and the checks every adapter applies to an ArrivalCountQuery, so that they refuse
 * and align alike. A bucket starts at floor(time / every) × every, like SeriesQuery and InfluxQL's
 * GROUP BY time().
 */

/**
 * A query spanning more buckets is refused. The stores count per station and bucket, so a width given in
 * the wrong unit (1 instead of 86,400,000) would keep the database busy for hours.
 * 100,000 buckets is a year of 5-minute buckets, or eleven years of hours.
 */
export const MAX_ARRIVAL_COUNT_BUCKETS = 100_000;

export interface ArrivalCountBuckets {
  /** Start of the first bucket: the epoch multiple of `every` at or before `from`. */
  readonly first: number;
  /** How many buckets the half-open range touches; 0 when it is empty. */
  readonly count: number;
}

/** Throws RangeError for bounds that are not integer epoch ms, a width that is not a positive integer, or too many buckets. */
export function arrivalCountBuckets(query: ArrivalCountQuery): ArrivalCountBuckets {
  for (const [name, bound] of [['from', query.from], ['to', query.to]] as const) {
    if (!Number.isSafeInteger(bound)) throw new RangeError(`arrival count ${name} must be integer epoch ms, got ${bound}`);
  }
  const { every } = query;
  if (!Number.isSafeInteger(every) || every <= 0) throw new RangeError(`arrival count bucket width must be a positive integer of ms, got ${every}`);
  const first = query.from - (((query.from % every) + every) % every);
  if (query.to <= query.from) return { first, count: 0 };
  const count = Math.ceil((query.to - first) / every);
  if (count > MAX_ARRIVAL_COUNT_BUCKETS) {
    throw new RangeError(`an arrival count over ${count} buckets of ${every} ms is more than the ${MAX_ARRIVAL_COUNT_BUCKETS} allowed; widen the buckets or narrow the range`);
  }
  return { first, count };
}

/** The port's order: station, then channel (`any` sorts first), then bucket time. */
export function compareArrivalCounts(a: ArrivalCount, b: ArrivalCount): number {
  return compare(a.stationId, b.stationId) || compare(a.channel, b.channel) || a.time - b.time;
}

/** Code-unit order, as SQLite's BINARY collation sorts our ASCII ids. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
