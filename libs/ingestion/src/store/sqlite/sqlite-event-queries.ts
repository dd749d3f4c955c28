import type { EventQuery, EventStream } from '../event-log';
import type { Sql } from './sqlite-queries';

/**
 * Every SQL statement the SQLite event log sends, for review; values always bound. The table is
 * event (stream, seq, at, body), keyed by (stream, seq), with event_by_time (stream, at, seq) for
 * reads by time (sqlite-migrations.ts, version 4).
 */

/** The last seq of each stream: one seek per stream on the primary key. */
export const LAST_SEQ_PER_STREAM = 'SELECT stream, max(seq) AS seq FROM event GROUP BY stream';

/** Read inside the append's write transaction, so the numbering is the file's own, whoever wrote last. */
export const LAST_SEQ = 'SELECT coalesce(max(seq), 0) AS seq FROM event WHERE stream = @stream';

/** A plain INSERT: a seq taken twice is a bug to fail on (SQLITE_CONSTRAINT_PRIMARYKEY), never to overwrite. */
export const INSERT_EVENT = 'INSERT INTO event (stream, seq, at, body) VALUES (@stream, @seq, @at, @body)';

/** In seq order; `limit` keeps the first ones, after the filters. */
export function selectEvents(stream: EventStream, query: EventQuery): Sql {
  const conditions = ['stream = @stream'];
  const params: Record<string, string | number> = { stream };
  if (query.afterSeq !== undefined) {
    conditions.push('seq > @afterSeq');
    params['afterSeq'] = query.afterSeq;
  }
  if (query.from !== undefined) {
    conditions.push('at >= @from');
    params['from'] = query.from;
  }
  if (query.to !== undefined) {
    conditions.push('at < @to');
    params['to'] = query.to;
  }
  if (query.limit !== undefined) params['limit'] = query.limit;
  const limited = query.limit === undefined ? '' : ' LIMIT @limit';
  return { text: `SELECT stream, seq, at, body FROM event WHERE ${conditions.join(' AND ')} ORDER BY seq${limited}`, params };
}
