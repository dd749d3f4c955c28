import type { ArrivalCount, ArrivalCountQuery } from '../reading-store';

/**
 * The span of one request of an arrival count. InfluxDB 1.6 counts a week of the whole network's
 * arrivals, grouped per day, station and channel with the on-schedule condition, in about 2.3 s on a busy
 * 2-core machine, and the time grows with the span (0.25-0.35 s a day): a month in one request took
 * 7.6-12 s, at times past the 10 s request deadline (INFLUX_TIMEOUT_MS). A week per request keeps each
 * well inside it.
 */
export const ARRIVAL_COUNT_SPAN_MS = 7 * 24 * 3_600_000;

/**
 * The query cut into consecutive parts of at most `spanMs`, each half-open, together exactly [from, to).
 * Every part keeps the query's bucket width: InfluxQL places buckets on epoch multiples of it whatever the
 * WHERE clause says, so a bucket cut by a part boundary comes back from both parts under the same time,
 * and sumArrivalCounts adds the two.
 */
export function arrivalCountParts(query: ArrivalCountQuery, spanMs: number = ARRIVAL_COUNT_SPAN_MS): ArrivalCountQuery[] {
  if (!Number.isSafeInteger(spanMs) || spanMs <= 0) throw new RangeError(`an arrival count part must span a positive integer of ms, got ${spanMs}`);
  const parts: ArrivalCountQuery[] = [];
  for (let from = query.from; from < query.to; from += spanMs) parts.push({ ...query, from, to: Math.min(from + spanMs, query.to) });
  return parts;
}

/** One count per (station, channel, bucket): the counts of the parts added up, zeros left out, in no particular order. */
export function sumArrivalCounts(counts: Iterable<ArrivalCount>): ArrivalCount[] {
  const totals = new Map<string, ArrivalCount>();
  for (const each of counts) {
    const key = `${each.stationId} ${each.channel} ${each.time}`;
    const known = totals.get(key);
    totals.set(key, known === undefined ? each : { ...known, count: known.count + each.count });
  }
  return [...totals.values()].filter((each) => each.count > 0);
}
