import type { EventQuery, EventStream } from '../event-log';
import { quoteIdentifier, quoteString } from './influx-queries';
import { EVENT } from './influx-schema';

/**
 * Every InfluxQL statement the InfluxDB event log sends, for review; quoting as in influx-queries.ts.
 * Point times follow `at`, not seq, so InfluxDB answers in time order: the log sorts by seq itself, and a
 * seq window stands in for LIMIT where it can (seqs have no gaps).
 */

const measurement = quoteIdentifier(EVENT.measurement);
const f = EVENT.fields;

/** The last seq of every stream that has events. */
export function selectLastSeqs(): string {
  return `SELECT max(${quoteIdentifier(f.seq)}) FROM ${measurement} GROUP BY ${quoteIdentifier(EVENT.tags.stream)}`;
}

/**
 * The events of one stream that the query selects, in no particular order. Without a time bound, a limit
 * becomes the seq window (afterSeq, afterSeq + limit]: exactly the first `limit` events, since seqs have no
 * gaps. With a time bound the matching seqs may be sparse, so the log sorts and cuts the answer itself.
 */
export function selectEvents(stream: EventStream, query: EventQuery): string {
  const seq = quoteIdentifier(f.seq);
  const afterSeq = query.afterSeq ?? 0;
  const timeBound = query.from !== undefined || query.to !== undefined;
  const conditions = [
    ofStream(stream),
    query.afterSeq === undefined ? undefined : `${seq} > ${afterSeq}`,
    query.limit === undefined || timeBound ? undefined : `${seq} <= ${afterSeq + query.limit}`,
    query.from === undefined ? undefined : `time >= ${query.from}ms`,
    query.to === undefined ? undefined : `time < ${query.to}ms`,
  ].filter((c): c is string => c !== undefined);
  return `SELECT ${[f.seq, f.at, f.body].map(quoteIdentifier).join(', ')} FROM ${measurement} WHERE ${conditions.join(' AND ')}`;
}

/** Events past the last seq this log confirmed: what a failed write may have stored after all. */
export function selectUnconfirmed(stream: EventStream, lastSeq: number): string {
  return `SELECT ${quoteIdentifier(f.seq)}, ${quoteIdentifier(f.at)} FROM ${measurement} WHERE ${ofStream(stream)} AND ${quoteIdentifier(f.seq)} > ${lastSeq}`;
}

/** Deletes the one point of an unconfirmed event; its time in ns (a bare integer in InfluxQL). */
export function deleteEvent(stream: EventStream, timeNs: string): string {
  return `DELETE FROM ${measurement} WHERE ${ofStream(stream)} AND time = ${timeNs}`;
}

function ofStream(stream: EventStream): string {
  return `${quoteIdentifier(EVENT.tags.stream)} = ${quoteString(stream)}`;
}
