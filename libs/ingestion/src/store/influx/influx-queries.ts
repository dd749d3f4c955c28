import type { ArrivalQuery, DeadLetterQuery, ReadingQuery, TimeRange } from '../reading-store';
import { ARRIVAL, DEAD_LETTER, READING } from './influx-schema';

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

// --- arrivals ---

export function selectArrivals(query: ArrivalQuery): string {
  const t = ARRIVAL.tags;
  const conditions = [equals(t.station, query.stationId), equals(t.channel, query.channel), ...timeRange(query)];
  return `SELECT ${columns(ARRIVAL.fields.receivedAt, t.station, t.channel)} FROM ${quoteIdentifier(ARRIVAL.measurement)}${where(conditions)}`;
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
