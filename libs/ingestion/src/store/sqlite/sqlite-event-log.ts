import type { Database, Statement } from 'better-sqlite3';
import { checkEventQuery, checkStream, decodeEventBody, encodeNewEvents } from '../event-encoding';
import { EVENT_STREAMS, type EventLog, type EventQuery, type EventStream, type NewEvent, type StoredEvent } from '../event-log';
import { StoreUnavailableError } from '../reading-store';
import { SqliteFileError, classifySqliteFailure } from './sqlite-errors';
import * as q from './sqlite-event-queries';
import { type FileIdentity, currentIdentity, openStoreFile, sameIdentity } from './sqlite-file';
import { migrate } from './sqlite-migrations';
import type { Params } from './sqlite-queries';
import { openWriteThread, type SqliteWriteThread } from './sqlite-write-thread';

export interface SqliteEventLogOptions {
  /** The same file as the SqliteReadingStore's (DATA_DIR/hydro.sqlite); created if missing. */
  readonly file: string;
}

interface Connection {
  readonly db: Database;
  readonly identity: FileIdentity;
  readonly statements: Map<string, Statement<[Params]>>;
  readonly last: Map<EventStream, number>;
}

/**
 * EventLog in the SQLite store's file, table `event`. Its lifecycle is apart from the reading store's
 * (either may be closed or reopened first). The file is opened, checked and migrated exactly as by
 * SqliteReadingStore (sqlite-file.ts), with journal_mode=WAL. Appends run in the file's write thread,
 * shared with the reading store (sqlite-write-thread.ts), so a commit's fsync never holds the event loop
 * and the two writers queue instead of contending for the write lock: each append is one IMMEDIATE
 * transaction (sqlite-event-appender.ts) with synchronous=FULL, fsynced when append() resolves. A failed
 * append rolls back whole and consumes no seq. Reads are small (a stream's events) and stay on the main
 * thread's connection.
 */
export class SqliteEventLog implements EventLog {
  readonly file: string;
  private connection: Connection | undefined;
  private closed = false;
  private readonly writes: SqliteWriteThread;

  constructor(options: SqliteEventLogOptions) {
    if (typeof options.file !== 'string' || options.file.trim() === '') throw new Error('SqliteEventLog needs a file name');
    this.file = options.file;
    this.writes = openWriteThread(this.file);
  }

  async prepare(): Promise<void> {
    if (this.closed) throw this.closedError();
    const opened = this.connection ?? openStoreFile(this.file);
    try {
      migrate(opened.db, this.file);
      const statements = this.connection?.statements ?? new Map<string, Statement<[Params]>>();
      const connection: Connection = { ...opened, statements, last: new Map() };
      for (const row of opened.db.prepare<[], { stream: string; seq: number }>(q.LAST_SEQ_PER_STREAM).all()) {
        if ((EVENT_STREAMS as readonly string[]).includes(row.stream)) connection.last.set(row.stream as EventStream, row.seq);
      }
      this.connection = connection;
    } catch (error) {
      this.connection = undefined;
      opened.db.close();
      if (error instanceof SqliteFileError) throw error;
      throw classifySqliteFailure(error, this.file, 'the schema migration');
    }
  }

  async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    const encoded = encodeNewEvents(stream, events);
    const connection = this.open();
    if (encoded.length === 0) return [];
    if (!sameIdentity(connection.identity, currentIdentity(this.file))) {
      throw new StoreUnavailableError(`the SQLite store ${this.file} was deleted or replaced while open; restart to open the file now there`);
    }
    let first: number;
    try {
      first = await this.writes.append(stream, encoded);
    } catch (error) {
      throw classifySqliteFailure(error, this.file, `an append of ${encoded.length} ${stream} events`);
    }
    connection.last.set(stream, first + encoded.length - 1);
    return encoded.map((event, index) => ({ stream, seq: first + index, at: event.at, body: decodeEventBody(event.body, `${stream} event`) }));
  }

  async read(stream: EventStream, query: EventQuery = {}): Promise<StoredEvent[]> {
    checkStream(stream);
    checkEventQuery(query);
    const connection = this.open();
    const sql = q.selectEvents(stream, query);
    let rows: unknown[];
    try {
      rows = this.statement(connection, sql.text).all(sql.params);
    } catch (error) {
      throw classifySqliteFailure(error, this.file, `the ${stream} events query`);
    }
    return rows.map((row) => toStoredEvent(stream, row));
  }

  lastSeq(stream: EventStream): number {
    checkStream(stream);
    return this.open().last.get(stream) ?? 0;
  }

  /** Idempotent; the log cannot be used afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    await this.writes.release();
    connection?.db.close();
  }

  private statement(connection: Connection, text: string): Statement<[Params]> {
    let prepared = connection.statements.get(text);
    if (prepared === undefined) {
      prepared = connection.db.prepare<[Params]>(text);
      connection.statements.set(text, prepared);
    }
    return prepared;
  }

  private open(): Connection {
    if (this.closed) throw this.closedError();
    if (this.connection === undefined) throw new StoreUnavailableError(`the SQLite event log ${this.file} is not prepared; call prepare() first`);
    return this.connection;
  }

  private closedError(): StoreUnavailableError {
    return new StoreUnavailableError(`the SQLite event log ${this.file} is closed`);
  }
}

function toStoredEvent(stream: EventStream, row: unknown): StoredEvent {
  const { seq, at, body } = row as { seq: unknown; at: unknown; body: unknown };
  if (typeof seq !== 'number' || typeof at !== 'number' || typeof body !== 'string') {
    throw new Error(`unexpected ${stream} event row ${JSON.stringify(row)} from SQLite`);
  }
  return { stream, seq, at, body: decodeEventBody(body, `${stream} event ${seq}`) };
}
