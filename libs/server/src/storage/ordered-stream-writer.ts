import { backoffDelay, type EventLog, type EventStream, type Log, type NewEvent, type StoredEvent, StoreUnavailableError } from '@hydro/ingestion';

/**
 * Appends to one stream of the event log strictly in order, one batch at a time, retrying a batch
 * while the store is unavailable (the batches behind it wait), so a transition is never lost to a
 * short outage and never overtakes an earlier one. Each `append` settles when its batch is durable.
 */
export class OrderedStreamWriter {
  private tail: Promise<unknown> = Promise.resolve();
  private pending = 0;
  private closed = false;

  constructor(
    private readonly eventLog: EventLog,
    private readonly stream: EventStream,
    private readonly log: Log,
    private readonly retry = { initialMs: 200, maxMs: 10_000 },
  ) {}

  /** Batches waiting for the store, the one being written included. */
  get backlog(): number {
    return this.pending;
  }

  append(events: readonly NewEvent[]): Promise<StoredEvent[]> {
    if (events.length === 0) return Promise.resolve([]);
    this.pending += 1;
    const written = this.tail.then(() => this.writeWithRetry(events));
    this.tail = written.catch(() => undefined).finally(() => (this.pending -= 1));
    return written;
  }

  /**
   * Waits for what is queued, at most `graceMs` (a store down at shutdown must not keep the process
   * alive); afterwards nothing is retried any more, and what is still waiting fails.
   */
  async close(graceMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.tail, grace]);
    clearTimeout(timer);
    this.closed = true;
  }

  private async writeWithRetry(events: readonly NewEvent[]): Promise<StoredEvent[]> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.eventLog.append(this.stream, events);
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || this.closed) throw error;
        if (attempt % 10 === 0) this.log.warn(`${this.stream} events wait for the store: ${error.message}`, 'EventLog');
        await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, this.retry)).unref());
      }
    }
  }
}
