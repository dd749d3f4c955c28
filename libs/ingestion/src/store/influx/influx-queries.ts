import type { ArrivalCountQuery, ArrivalQuery, DeadLetterQuery, LatestQuery, ReadingQuery, SeriesQuery, TimeRange } from '../reading-store';
import { ARRIVAL, DEAD_LETTER, READING, REPORT } from './influx-schema';

/**
 * Every InfluxQL statement the store sends, in one place for review. Values are never pasted in raw:
 * identifiers go through quoteIdentifier, string literals through quoteString (equality only, never
 * regular expressions), times are integer milliseconds with the `ms` unit, limits positive integers.
 * Results come back in time order (InfluxQL's default), oldest first.
 */

/** A double-quoted InfluxQL identifier; `\` and `"` are backslash-escaped. */
export function quoteIdentifier(name: string): string {
  return `"${escapeQuoted(name).replace(/"/g, '\\"')}"`;
}

/** A single-quoted InfluxQL string literal; `\` and `'` are backslash-escaped, a newline becomes `\n`. */
export function quoteString(value: string): string {
  return `'${escapeQuoted(value).replace(/'/g, "\\'")}'`;
}

function escapeQuoted(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

// --- database and retention policy ---

export function createDatabase(database: string): string {
  return `CREATE DATABASE ${quoteIdentifier(database)}`;
}

/** Also the cheapest "does this database exist" check: 1.6 answers "database not found" for a missing one. */
export function showRetentionPolicies(database: string): string {
  return `SHOW RETENTION POLICIES ON ${quoteIdentifier(database)}`;
}

export function createRetentionPolicy(database: string, name: string, duration: string): string {
  return `CREATE RETENTION POLICY ${quoteIdentifier(name)} ON ${quoteIdentifier(database)} DURATION ${duration} REPLICATION 1 DEFAULT`;
}

export function alterRetentionPolicy(database: string, name: string, duration: string): string {
  return `ALTER RETENTION POLICY ${quoteIdentifier(name)} ON ${quoteIdentifier(database)} DURATION ${duration} DEFAULT`;
}

// --- readings ---

export function selectReadings(query: ReadingQuery): string {
  const f = READING.fields;
  const t = READING.tags;
  return `SELECT ${columns(f.value, f.quality, f.qc, t.station, t.element)} FROM ${quoteIdentifier(READING.measurement)}${readingWhere(query)}`;
}

export function countReadings(query: ReadingQuery): string {
  return `SELECT count(${quoteIdentifier(READING.fields.value)}) FROM ${quoteIdentifier(READING.measurement)}${readingWhere(query)}`;
}

function readingWhere(query: ReadingQuery): string {
  return where([equals(READING.tags.station, query.stationId), equals(READING.tags.element, query.element), ...timeRange(query)]);
}

// --- series of one station and element ---

/** Raw series: the readings of one station and element in the range, as selectReadings. */
export function selectSeriesReadings(query: SeriesQuery): string {
  return selectReadings({ stationId: query.stationId, element: query.element, from: query.from, to: query.to });
}

/**
 * Aggregates per bucket of `every` ms. GROUP BY time() aligns buckets to epoch multiples of `every` (no
 * offset), so the first bucket's time may lie before `from` while holding only readings from `from` on
 * (checked on 1.6.7). fill(none) omits empty buckets. Suspect readings are counted by countSuspectPerBucket.
 */
export function selectSeriesBuckets(query: SeriesQuery): string {
  const v = quoteIdentifier(READING.fields.value);
  const aggregates = `mean(${v}), min(${v}), max(${v}), sum(${v}), count(${v})`;
  return `SELECT ${aggregates} FROM ${quoteIdentifier(READING.measurement)}${seriesWhere(query)}${groupByBucket(query.every)}`;
}

/**
 * The suspect readings per bucket, as a second statement: InfluxQL has no per-aggregate filter (no
 * `count(...) FILTER (WHERE ...)`), so the quality condition needs a WHERE of its own. Buckets without
 * suspect readings are absent from the answer and mean 0. The two statements are not one snapshot: a
 * write landing between them can make a bucket's counts disagree until the next query.
 */
export function countSuspectPerBucket(query: SeriesQuery): string {
  const suspect = `${quoteIdentifier(READING.fields.quality)} = ${quoteString('suspect')}`;
  return `SELECT count(${quoteIdentifier(READING.fields.value)}) FROM ${quoteIdentifier(READING.measurement)}${seriesWhere(query, suspect)}${groupByBucket(query.every)}`;
}

function seriesWhere(query: SeriesQuery, extra?: string): string {
  const t = READING.tags;
  return where([equals(t.station, query.stationId), equals(t.element, query.element), extra, ...timeRange(query)]);
}

/** Epoch-aligned buckets of `every` ms, each series of the given tags apart, empty buckets omitted. */
function groupByBucket(every: number | undefined, ...tags: string[]): string {
  if (every === undefined || !Number.isSafeInteger(every) || every <= 0) {
    throw new RangeError(`series bucket width must be a positive integer of ms, got ${String(every)}`);
  }
  return ` GROUP BY ${[`time(${every}ms)`, ...tags.map(quoteIdentifier)].join(', ')} fill(none)`;
}

// --- the newest point per series ---

/**
 * The newest reading per (station, element). Not `SELECT last("value"), last("quality") ...`: in 1.x each
 * last() is computed on its own, may come from a different point, and the time comes back as 0 (checked on
 * 1.6.7). ORDER BY time DESC LIMIT 1 with GROUP BY tags applies the limit per series and returns whole
 * points. The series come back in no useful order; the store sorts them. `stationIds` must not be empty.
 */
export function selectLatestReadings(query: LatestQuery): string {
  const t = READING.tags;
  const f = READING.fields;
  const conditions = [anyOf(t.station, query.stationIds), equals(t.element, query.element)];
  return `SELECT ${columns(f.value, f.quality, f.qc)} FROM ${quoteIdentifier(READING.measurement)}${where(conditions)}${newestPerSeries(t.station, t.element)}`;
}

/** The arrival of the newest observation per (station, channel), as selectLatestReadings. */
export function selectLastArrivals(): string {
  const t = ARRIVAL.tags;
  return `SELECT ${columns(ARRIVAL.fields.receivedAt, ARRIVAL.fields.onSchedule)} FROM ${quoteIdentifier(ARRIVAL.measurement)}${newestPerSeries(t.station, t.channel)}`;
}

function newestPerSeries(...tags: string[]): string {
  return ` GROUP BY ${columns(...tags)} ORDER BY time DESC LIMIT 1`;
}

/** `("key" = 'a' OR "key" = 'b')`; undefined matches everything, an empty list is refused. */
function anyOf(key: string, values: readonly string[] | undefined): string | undefined {
  if (values === undefined) return undefined;
  if (values.length === 0) throw new RangeError(`an empty list of ${key} values matches nothing; do not query`);
  const alternatives = [...new Set(values)].map((value) => equals(key, value));
  return alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' OR ')})`;
}

// --- arrivals ---

export function selectArrivals(query: ArrivalQuery): string {
  const t = ARRIVAL.tags;
  const conditions = [equals(t.station, query.stationId), equals(t.channel, query.channel), ...timeRange(query)];
  return `SELECT ${columns(ARRIVAL.fields.receivedAt, ARRIVAL.fields.onSchedule, t.station, t.channel)} FROM ${quoteIdentifier(ARRIVAL.measurement)}${where(conditions)}`;
}

// --- arrival counts, for the arrival rate ---

/**
 * On-schedule arrivals per station, channel and bucket. A point written before the on_schedule field
 * existed does not match `= true` (a comparison with a missing field never matches) and is not counted.
 * Buckets are epoch-aligned like the series; `stationIds` must not be empty.
 */
export function countArrivalsPerChannel(query: ArrivalCountQuery): string {
  const t = ARRIVAL.tags;
  const onSchedule = `${quoteIdentifier(ARRIVAL.fields.onSchedule)} = true`;
  const conditions = [onSchedule, anyOf(t.station, query.stationIds), ...timeRange(query)];
  return (
    `SELECT count(${quoteIdentifier(ARRIVAL.fields.onSchedule)}) FROM ${quoteIdentifier(ARRIVAL.measurement)}${where(conditions)}` +
    groupByBucket(query.every, t.station, t.channel)
  );
}

/** Distinct on-schedule observations per station and bucket: a plain count of `report`, where the channels' copies are one point. */
export function countReports(query: ArrivalCountQuery): string {
  const conditions = [anyOf(REPORT.tags.station, query.stationIds), ...timeRange(query)];
  return (
    `SELECT count(${quoteIdentifier(REPORT.fields.receivedAt)}) FROM ${quoteIdentifier(REPORT.measurement)}${where(conditions)}` +
    groupByBucket(query.every, REPORT.tags.station)
  );
}

// --- dead letters ---

/** `from`/`to` select by receipt time: a dead letter's timestamp lies inside its receipt millisecond. */
export function selectDeadLetters(query: DeadLetterQuery): string {
  const f = DEAD_LETTER.fields;
  const select = columns(f.topic, f.payload, f.detail, f.receivedAt, f.serial, DEAD_LETTER.tags.reason);
  return `SELECT ${select} FROM ${quoteIdentifier(DEAD_LETTER.measurement)}${deadLetterWhere(query)}${limit(query.limit)}`;
}

/** Counts every match: `limit` bounds a listing, not a count. */
export function countDeadLetters(query: DeadLetterQuery): string {
  return `SELECT count(${quoteIdentifier(DEAD_LETTER.fields.serial)}) FROM ${quoteIdentifier(DEAD_LETTER.measurement)}${deadLetterWhere(query)}`;
}

function deadLetterWhere(query: DeadLetterQuery): string {
  return where([equals(DEAD_LETTER.tags.reason, query.reason), ...timeRange(query)]);
}

// --- shared pieces ---

function columns(...names: string[]): string {
  return names.map(quoteIdentifier).join(', ');
}

function equals(key: string, value: string | undefined): string | undefined {
  return value === undefined ? undefined : `${quoteIdentifier(key)} = ${quoteString(value)}`;
}

/** `from` inclusive, `to` exclusive, both epoch ms. */
function timeRange(range: Partial<TimeRange>): string[] {
  const conditions: string[] = [];
  if (range.from !== undefined) conditions.push(`time >= ${epochMs('from', range.from)}ms`);
  if (range.to !== undefined) conditions.push(`time < ${epochMs('to', range.to)}ms`);
  return conditions;
}

function epochMs(name: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw new RangeError(`query ${name} must be integer epoch ms, got ${value}`);
  return value;
}

function where(conditions: readonly (string | undefined)[]): string {
  const present = conditions.filter((c): c is string => c !== undefined);
  return present.length === 0 ? '' : ` WHERE ${present.join(' AND ')}`;
}

function limit(value: number | undefined): string {
  if (value === undefined) return '';
  if (!Number.isSafeInteger(value) || value <= 0) throw new RangeError(`query limit must be a positive integer, got ${value}`);
  return ` LIMIT ${value}`;
}
