import type { Database, Statement } from 'better-sqlite3';
import type { Params, Sql } from './sqlite-queries';

/** A read the store hands to its read thread: plain data, so it crosses postMessage as it is. */
export type SqliteRead =
  | { readonly kind: 'all'; readonly sql: Sql }
  | {
      readonly kind: 'newest';
      /** The three statements of a loose index scan (sqlite-queries.ts): first series at or after a key, the one after, its newest row. */
      readonly walk: { readonly from: string; readonly after: string; readonly newest: string };
      /** Only these stations, sorted; all when absent. */
      readonly stations?: readonly string[];
      /** Only series with this key (element or channel); all when absent. */
      readonly key?: string;
    };

interface SeriesKey {
  readonly station: string;
  readonly key: string;
}

/**
 * Runs reads on one connection, synchronously, and answers raw rows (the store turns them into readings
 * and arrivals). It runs inside the store's read thread, so it imports nothing but better-sqlite3 and types:
 * the thread starts in a fraction of a second and never loads the domain library.
 */
export class SqliteReader {
  /** One prepared statement per SQL text (the texts vary only with which filters are present). */
  private readonly statements = new Map<string, Statement<[Params]>>();

  constructor(private readonly db: Database) {}

  read(request: SqliteRead): unknown[] {
    return request.kind === 'all' ? this.statement(request.sql.text).all(request.sql.params) : this.newestPerSeries(request);
  }

  /**
   * The newest row of each series, walking the primary key inside one read transaction, so the answer is
   * one snapshot. Sorted by station, then key, as the walk goes.
   */
  private newestPerSeries({ walk, stations, key }: Extract<SqliteRead, { kind: 'newest' }>): unknown[] {
    const step = (sql: string, at: SeriesKey): SeriesKey | undefined => seriesKeyOf(this.statement(sql).get({ station: at.station, key: at.key }));
    const seriesOf = (station: string | undefined): SeriesKey[] => {
      if (station !== undefined && key !== undefined) return [{ station, key }];
      const found: SeriesKey[] = [];
      for (let at = step(walk.from, { station: station ?? '', key: '' }); at !== undefined; at = step(walk.after, at)) {
        if (station !== undefined && at.station !== station) break;
        if (key === undefined || at.key === key) found.push(at);
      }
      return found;
    };
    const read = this.db.transaction((): unknown[] => {
      const keys = stations === undefined ? seriesOf(undefined) : stations.flatMap(seriesOf);
      const newest = this.statement(walk.newest);
      return keys.map((at) => newest.get({ station: at.station, key: at.key })).filter((row) => row !== undefined);
    });
    return read.deferred();
  }

  private statement(text: string): Statement<[Params]> {
    let prepared = this.statements.get(text);
    if (prepared === undefined) {
      prepared = this.db.prepare<[Params]>(text);
      this.statements.set(text, prepared);
    }
    return prepared;
  }
}

function seriesKeyOf(row: unknown): SeriesKey | undefined {
  if (row === undefined) return undefined;
  const { station, key } = row as { station?: unknown; key?: unknown };
  if (typeof station !== 'string' || typeof key !== 'string') throw new TypeError(`a series key row without text station and key: ${JSON.stringify(row)}`);
  return { station, key };
}
