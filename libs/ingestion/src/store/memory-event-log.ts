import { decodeEventBody, encodeNewEvents, checkEventQuery, checkStream, type EncodedEvent } from './event-encoding';
import type { EventLog, EventQuery, EventStream, NewEvent, StoredEvent } from './event-log';
import { StoreUnavailableError } from './reading-store';

/** What a MemoryEventLog keeps, shared with the logs reopened over it. */
type History = Map<EventStream, EncodedEvent[]>;

/**
 * An EventLog kept in memory, for tests: it keeps the port's contract exactly (event-log.contract.ts holds
 * it to the same suite as the real adapters). Bodies are kept as JSON text, as the stores keep them, so a
 * read gives fresh objects and a body that would not survive a store does not survive here either.
 * `reopened()` is the same history seen by a new log, as after a restart; `failNext` scripts outages.
 */
export class MemoryEventLog implements EventLog {
  private prepared = false;
  private closed = false;
  private readonly failures: Error[] = [];

  constructor(private readonly history: History = new Map()) {}

  /** A new, unprepared log over the same history, as a process restarting on a durable store would see it. */
  reopened(): MemoryEventLog {
    return new MemoryEventLog(this.history);
  }

  /** The next `count` appends throw `error` and store nothing, consuming no seq. */
  failNext(count: number, error: Error = new StoreUnavailableError('the in-memory event log is down')): void {
    for (let i = 0; i < count; i++) this.failures.push(error);
  }

  async prepare(): Promise<void> {
    this.requireOpen();
    this.prepared = true;
  }

  async append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]> {
    const encoded = encodeNewEvents(stream, events);
    this.requirePrepared();
    if (encoded.length === 0) return [];
    const failure = this.failures.shift();
    if (failure) throw failure;
    const kept = this.kept(stream);
    const first = kept.length + 1;
    kept.push(...encoded);
    return encoded.map((event, index) => stored(stream, first + index, event));
  }

  async read(stream: EventStream, query: EventQuery = {}): Promise<StoredEvent[]> {
    checkStream(stream);
    checkEventQuery(query);
    this.requirePrepared();
    const { afterSeq = 0, from, to, limit } = query;
    const matching = this.kept(stream)
      .map((event, index) => stored(stream, index + 1, event))
      .filter((event) => event.seq > afterSeq && (from === undefined || event.at >= from) && (to === undefined || event.at < to));
    return limit === undefined ? matching : matching.slice(0, limit);
  }

  lastSeq(stream: EventStream): number {
    checkStream(stream);
    this.requirePrepared();
    return this.kept(stream).length;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private kept(stream: EventStream): EncodedEvent[] {
    let events = this.history.get(stream);
    if (events === undefined) {
      events = [];
      this.history.set(stream, events);
    }
    return events;
  }

  private requireOpen(): void {
    if (this.closed) throw new StoreUnavailableError('the in-memory event log is closed');
  }

  private requirePrepared(): void {
    this.requireOpen();
    if (!this.prepared) throw new StoreUnavailableError('the in-memory event log is not prepared; call prepare() first');
  }
}

function stored(stream: EventStream, seq: number, event: EncodedEvent): StoredEvent {
  return { stream, seq, at: event.at, body: decodeEventBody(event.body, `${stream} event ${seq}`) };
}
