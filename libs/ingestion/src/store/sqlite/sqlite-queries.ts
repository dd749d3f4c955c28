import type { ArrivalCountQuery, ArrivalQuery, DeadLetterQuery, ReadingQuery, SeriesQuery, TimeRange } from '../reading-store';

/**
 * Every SQL statement the SQLite store sends, in one place for review. Values are always bound as named
 * parameters, never pasted into the text; the text varies only with which filters are present, so the
 * store can keep one prepared statement per text. Times are integer epoch ms, ranges half-open. Orders
 * are the port's: time, then station, then element or channel (reading-store.contract.ts).
 */

export type Params = Readonly<Record<string, string | number | null>>;

export interface Sql {
  readonly text: string;
  readonly params: Params;
}

// --- writes: one upsert per identity, so a rewrite is idempotent and a correction overwrites ---

export const UPSERT_READING = `
  INSERT INTO reading (station, element, observed_at, value, quality, qc)
  VALUES (@station, @element, @observedAt, @value, @quality, @qc)
  ON CONFLICT (station, element, observed_at) DO UPDATE SET value = excluded.value, quality = excluded.quality, qc = excluded.qc`;

export const UPSERT_ARRIVAL = `
  INSERT INTO arrival (station, channel, observed_at, received_at, on_schedule)
  VALUES (@station, @channel, @observedAt, @receivedAt, @onSchedule)
  ON CONFLICT (station, channel, observed_at) DO UPDATE SET received_at = excluded.received_at, on_schedule = excluded.on_schedule`;

export const UPSERT_DEAD_LETTER = `
  INSERT INTO dead_letter (serial, reason, topic, payload, detail, received_at)
  VALUES (@serial, @reason, @topic, @payload, @detail, @receivedAt)
  ON CONFLICT (serial) DO UPDATE SET reason = excluded.reason, topic = excluded.topic, payload = excluded.payload,
    detail = excluded.detail, received_at = excluded.received_at`;

export const PING = 'SELECT 1 AS ok';

// --- readings ---

const READING_COLUMNS = 'station, element, observed_at, value, quality, qc';

export function selectReadings(query: ReadingQuery): Sql {
  const { clause, params } = readingWhere(query);
  return { text: `SELECT ${READING_COLUMNS} FROM reading${clause} ORDER BY observed_at, station, element`, params };
}

export function countReadings(query: ReadingQuery): Sql {
  const { clause, params } = readingWhere(query);
  return { text: `SELECT count(*) AS count FROM reading${clause}`, params };
}

function readingWhere(query: ReadingQuery): { clause: string; params: Params } {
  return where([equals('station', 'stationId', query.stationId), equals('element', 'element', query.element), ...timeRange('observed_at', query)]);
}

// --- series of one station and element ---

/** Raw series: each reading a point of its own, count 1. */
export function selectSeriesReadings(query: SeriesQuery): Sql {
  const { clause, params } = seriesWhere(query);
  return {
    text:
      `SELECT observed_at AS time, value AS mean, value AS min, value AS max, value AS sum, 1 AS count, ` +
      `(quality = 'suspect') AS suspect FROM reading${clause} ORDER BY observed_at`,
    params,
  };
}

/**
 * Per bucket of `every` ms, aligned to epoch multiples like InfluxQL's GROUP BY time(): the bucket start
 * is floor(observed_at / every) × every (written with `%` twice so that it floors for negative times too;
 * `/` on a bound parameter would divide as REAL). Only buckets holding readings come out.
 */
export function selectSeriesBuckets(query: SeriesQuery): Sql {
  const every = bucketWidth(query.every);
  const { clause, params } = seriesWhere(query);
  return {
    text:
      `SELECT observed_at - ((observed_at % @every) + @every) % @every AS time, avg(value) AS mean, min(value) AS min, ` +
      `max(value) AS max, sum(value) AS sum, count(*) AS count, sum(quality = 'suspect') AS suspect ` +
      `FROM reading${clause} GROUP BY time ORDER BY time`,
    params: { ...params, every },
  };
}

function seriesWhere(query: SeriesQuery): { clause: string; params: Params } {
  return where([equals('station', 'stationId', query.stationId), equals('element', 'element', query.element), ...timeRange('observed_at', query)]);
}

function bucketWidth(every: number | undefined): number {
  if (every === undefined || !Number.isSafeInteger(every) || every <= 0) {
    throw new RangeError(`series bucket width must be a positive integer of ms, got ${String(every)}`);
  }
  return every;
}

// --- the newest point per series, by a loose index scan ---
// SQLite has no skip-scan for "the last row per group": GROUP BY station, element would read every row.
// Instead the store walks the primary key: seek the first series at or after a key, take its newest row
// (one seek, ORDER BY observed_at DESC LIMIT 1), then seek the series after it. One or two seeks per
// series (about 5,700 reading series), whatever the number of rows.

/** The first (station, element) at or after the given pair. */
export const READING_SERIES_FROM = 'SELECT station, element AS key FROM reading WHERE (station, element) >= (@station, @key) ORDER BY station, element LIMIT 1';
/** The first (station, element) after the given pair. */
export const READING_SERIES_AFTER = 'SELECT station, element AS key FROM reading WHERE (station, element) > (@station, @key) ORDER BY station, element LIMIT 1';
export const NEWEST_READING = `SELECT ${READING_COLUMNS} FROM reading WHERE station = @station AND element = @key ORDER BY observed_at DESC LIMIT 1`;

export const ARRIVAL_SERIES_FROM = 'SELECT station, channel AS key FROM arrival WHERE (station, channel) >= (@station, @key) ORDER BY station, channel LIMIT 1';
export const ARRIVAL_SERIES_AFTER = 'SELECT station, channel AS key FROM arrival WHERE (station, channel) > (@station, @key) ORDER BY station, channel LIMIT 1';
const ARRIVAL_COLUMNS = 'station, channel, observed_at, received_at, on_schedule';
export const NEWEST_ARRIVAL = `SELECT ${ARRIVAL_COLUMNS} FROM arrival WHERE station = @station AND channel = @key ORDER BY observed_at DESC LIMIT 1`;

// --- arrivals ---

export function selectArrivals(query: ArrivalQuery): Sql {
  const { clause, params } = where([
    equals('station', 'stationId', query.stationId),
    equals('channel', 'channel', query.channel),
    ...timeRange('observed_at', query),
  ]);
  return { text: `SELECT ${ARRIVAL_COLUMNS} FROM arrival${clause} ORDER BY observed_at, station, channel`, params };
}

// --- arrival counts, for the arrival rate ---

/** Every station that has arrivals, by a loose index scan: one primary-key seek per station, not a scan of the rows. */
const EVERY_STATION = `station(id) AS (
    SELECT min(station) FROM arrival
    UNION ALL SELECT (SELECT min(station) FROM arrival WHERE station > id) FROM station WHERE id IS NOT NULL)`;
const GIVEN_STATIONS = 'station(id) AS (SELECT DISTINCT value FROM json_each(@stations))';

/**
 * On-schedule arrivals per (station, channel, bucket) and distinct on-schedule observation times per
 * (station, bucket) under channel 'any'. A GROUP BY over a month (about 18 million arrivals) would sort
 * every row in a temporary B-tree (measured: 22 s); instead each (station, channel, bucket) is one
 * correlated count over a primary-key range, and each (station, bucket) one over the partial index
 * arrival_on_schedule (station, observed_at), so the cost is the rows counted plus a seek per count
 * (measured: 3.5-5 s for a month of daily buckets, 0.1 s for one day). The first and last buckets are
 * clipped to [from, to). MATERIALIZED keeps SQLite from running each count twice (once for the filter).
 */
export function arrivalCounts(query: ArrivalCountQuery, first: number, channels: readonly string[]): Sql {
  const stations = query.stationIds === undefined ? EVERY_STATION : GIVEN_STATIONS;
  const inBucket = 'a.observed_at >= max(b.start, @from) AND a.observed_at < min(b.start + @every, @to)';
  const text = `WITH RECURSIVE
  ${stations},
  channel(name) AS (SELECT value FROM json_each(@channels)),
  bucket(start) AS (SELECT @first UNION ALL SELECT start + @every FROM bucket WHERE start + @every < @to),
  counted(station, channel, time, count) AS MATERIALIZED (
    SELECT s.id, c.name, b.start,
      (SELECT count(*) FROM arrival a WHERE a.station = s.id AND a.channel = c.name AND a.on_schedule = 1 AND ${inBucket})
    FROM station s, channel c, bucket b WHERE s.id IS NOT NULL
    UNION ALL
    SELECT s.id, 'any', b.start,
      (SELECT count(DISTINCT a.observed_at) FROM arrival a WHERE a.station = s.id AND a.on_schedule = 1 AND ${inBucket})
    FROM station s, bucket b WHERE s.id IS NOT NULL)
SELECT station, channel, time, count FROM counted WHERE count > 0 ORDER BY station, channel, time`;
  const params: Params = {
    from: epochMs('from', query.from),
    to: epochMs('to', query.to),
    every: query.every,
    first,
    channels: JSON.stringify(channels),
    ...(query.stationIds === undefined ? {} : { stations: JSON.stringify(query.stationIds) }),
  };
  return { text, params };
}

// --- dead letters ---

/** Oldest receipt first, then by serial; `from`/`to` select by receipt time. */
export function selectDeadLetters(query: DeadLetterQuery): Sql {
  const { clause, params } = deadLetterWhere(query);
  const limited = query.limit === undefined ? '' : ' LIMIT @limit';
  return {
    text: `SELECT serial, reason, topic, payload, detail, received_at FROM dead_letter${clause} ORDER BY received_at, serial${limited}`,
    params: query.limit === undefined ? params : { ...params, limit: positiveLimit(query.limit) },
  };
}

/** Counts every match: `limit` bounds a listing, not a count. */
export function countDeadLetters(query: DeadLetterQuery): Sql {
  const { clause, params } = deadLetterWhere(query);
  return { text: `SELECT count(*) AS count FROM dead_letter${clause}`, params };
}

function deadLetterWhere(query: DeadLetterQuery): { clause: string; params: Params } {
  return where([equals('reason', 'reason', query.reason), ...timeRange('received_at', query)]);
}

function positiveLimit(value: number): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`query limit must be a positive integer, got ${value}`);
  return value;
}

// --- shared pieces ---

type Condition = readonly [text: string, name: string, value: string | number] | undefined;

function equals(column: string, name: string, value: string | undefined): Condition {
  return value === undefined ? undefined : [`${column} = @${name}`, name, value];
}

/** `from` inclusive, `to` exclusive, both integer epoch ms. */
function timeRange(column: string, range: Partial<TimeRange>): Condition[] {
  return [
    range.from === undefined ? undefined : [`${column} >= @from`, 'from', epochMs('from', range.from)],
    range.to === undefined ? undefined : [`${column} < @to`, 'to', epochMs('to', range.to)],
  ];
}

function epochMs(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`query ${name} must be integer epoch ms, got ${value}`);
  return value;
}

function where(conditions: readonly Condition[]): { clause: string; params: Params } {
  const present = conditions.filter((c): c is NonNullable<Condition> => c !== undefined);
  return {
    clause: present.length === 0 ? '' : ` WHERE ${present.map(([text]) => text).join(' AND ')}`,
    params: Object.fromEntries(present.map(([, name, value]) => [name, value])),
  };
}
