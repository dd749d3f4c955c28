import { checkEventQuery, checkStream, decodeEventBody, encodeNewEvents, type EncodedEvent } from '../event-encoding';
import { EVENT_STREAMS, type EventLog, type EventQuery, type EventStream, type NewEvent, type StoredEvent } from '../event-log';
import { StoreRejectedError, StoreUnavailableError } from '../reading-store';
import { eventTimeNs, eventsBody } from './event-lines';
import { InfluxDatabase } from './influx-database';
import { classifyFailure } from './influx-errors';
import * as q from './influx-event-queries';
import { InfluxHttp } from './influx-http';
import { type InfluxStoreOptions, validateInfluxOptions } from './influx-options';
import { expectStatementOk, type Row, statementRows } from './influx-response';
import { EVENT } from './influx-schema';
import { LineProtocolError } from './line-protocol';

/**
 * EventLog on InfluxDB (measurement `event`, docs/storage.md), through the same v1 HTTP API and options as
 * InfluxReadingStore. Seqs are numbered here, from the last seq read at prepare(): appends to one stream
 * are queued, so concurrent appends get contiguous seqs in call order, and a failed append consumes none.
 *
 * A write that fails may still have been stored (InfluxDB 1.6 answers 500 "timeout" for writes it then
 * completes; a 400 "partial write" keeps the other points). So after a failure the stream is "unsure", and
 * the next append first deletes whatever it finds past the last confirmed seq, then writes. A retry of the
 * same events rewrites the same points; an append of other events does not leave the failed ones behind.
 * Until then a read may show them; a restart before the next append keeps them, as stored events.
 */
export class InfluxEventLog implements EventLog {
  private readonly http: InfluxHttp;
  private readonly database: InfluxDatabase;
  private last: Map<EventStream, number> | undefined;
  private readonly unsure = new Set<EventStream>();
  private readonly queues = new Map<EventStream, Promise<unknown>>();
  private closed = false;

  constructor(options: InfluxStoreOptions) {
    const validated = validateInfluxOptions(options);
    this.http = new InfluxHttp(validated);
    this.database = new InfluxDatabase(this.http, validated);
  }

  /** Creates or checks the database (as the reading store does), then reads the last seq of every stream. */
  async prepare(): Promise<void> {
    this.requireOpen();
    await this.database.prepare();
    const rows = await this.rows(q.selectLastSeqs(), 'the last seq of each stream');
    const last = new Map<EventStream, number>();
    for (const row of rows) {
      const stream = row[EVENT.tags.stream];
      const seq = row['max'];
      if (typeof stream === 'string' && (EVENT_STREAMS as readonly string[]).includes(stream) && typeof seq === 'number') {
        last.set(stream as EventStream, seq);
      }
    }
    this.last = last;
    this.unsure.clear();
  }

  async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    const encoded = encodeNewEvents(stream, events);
    this.lastSeqs();
    if (encoded.length === 0) return [];
    // Each append of a stream starts when the one before has settled, failed or not (the queue never rejects).
    const previous = this.queues.get(stream) ?? Promise.resolve();
    const appending = previous.then(() => this.appendNow(stream, encoded));
    const settled = appending.catch(() => undefined);
    this.queues.set(stream, settled);
    void settled.then(() => {
      if (this.queues.get(stream) === settled) this.queues.delete(stream);
    });
    return appending;
  }

  /** In seq order. */
  async read(stream: EventStream, query: EventQuery = {}): Promise<StoredEvent[]> {
    checkStream(stream);
    checkEventQuery(query);
    this.lastSeqs();
    const rows = await this.rows(q.selectEvents(stream, query), `the ${stream} events query`);
    const events = rows.map((row) => toStoredEvent(stream, row)).sort((a, b) => a.seq - b.seq);
    return query.limit === undefined ? events : events.slice(0, query.limit);
  }

  lastSeq(stream: EventStream): number {
    checkStream(stream);
    return this.lastSeqs().get(stream) ?? 0;
  }

  /** Idempotent; appends still queued fail as unavailable. */
  async close(): Promise<void> {
    this.closed = true;
    this.http.close();
  }

  /** Runs when the stream's earlier appends have settled: the seqs it takes are the next ones. */
  private async appendNow(stream: EventStream, events: readonly EncodedEvent[]): Promise<StoredEvent[]> {
    const last = this.lastSeqs();
    if (this.unsure.has(stream)) await this.discardUnconfirmed(stream, last.get(stream) ?? 0);
    const first = (last.get(stream) ?? 0) + 1;
    let body: string;
    try {
      body = eventsBody(stream, first, events);
    } catch (error) {
      if (error instanceof LineProtocolError) throw new StoreRejectedError(`refused before sending to InfluxDB: ${error.message}`);
      throw error;
    }
    try {
      await this.http.write(body);
    } catch (error) {
      this.unsure.add(stream);
      throw classifyFailure(error, `an append of ${events.length} ${stream} events`);
    }
    last.set(stream, first + events.length - 1);
    return events.map((event, index) => ({ stream, seq: first + index, at: event.at, body: decodeEventBody(event.body, `${stream} event`) }));
  }

  /** Deletes the points past `lastSeq` that a failed write left, one DELETE per point (they are few). */
  private async discardUnconfirmed(stream: EventStream, lastSeq: number): Promise<void> {
    const found = await this.rows(q.selectUnconfirmed(stream, lastSeq), `the unconfirmed ${stream} events`);
    try {
      for (const row of found) {
        const { seq, at } = row;
        if (typeof seq !== 'number' || typeof at !== 'number') throw new Error(`unexpected ${stream} event row ${JSON.stringify(row)} from InfluxDB`);
        expectStatementOk(await this.http.query(q.deleteEvent(stream, eventTimeNs(seq, at))));
      }
    } catch (error) {
      throw classifyFailure(error, `the removal of unconfirmed ${stream} events`);
    }
    this.unsure.delete(stream);
  }

  private async rows(statement: string, what: string): Promise<Row[]> {
    try {
      return statementRows(await this.http.query(statement));
    } catch (error) {
      throw classifyFailure(error, what);
    }
  }

  private lastSeqs(): Map<EventStream, number> {
    this.requireOpen();
    if (this.last === undefined) throw new StoreUnavailableError('the InfluxDB event log is not prepared; call prepare() first');
    return this.last;
  }

  private requireOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the InfluxDB event log is closed');
  }
}

function toStoredEvent(stream: EventStream, row: Row): StoredEvent {
  const { seq, at, body } = row;
  if (typeof seq !== 'number' || typeof at !== 'number' || typeof body !== 'string') {
    throw new Error(`unexpected ${stream} event row ${JSON.stringify(row)} from InfluxDB`);
  }
  return { stream, seq, at, body: decodeEventBody(body, `${stream} event ${seq}`) };
}
