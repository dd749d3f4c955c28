import { setImmediate as nextTurn } from 'node:timers/promises';
import { backoffDelay, type EventLog, type EventStream, type Log, type NewEvent, type StoredEvent, StoreUnavailableError } from '@hydro/ingestion';

/**
 * Most events in one store write when queued batches go out together: a few ms of SQLite work, so a
 * burst (a sweep raising hundreds of equipment alerts) is written in a few turns, not in one long one.
 */
export const MAX_EVENTS_PER_WRITE = 200;

interface QueuedBatch {
  readonly events: readonly NewEvent[];
  readonly resolve: (stored: StoredEvent[]) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Appends to one stream of the event log strictly in order, retrying while the store is unavailable
 * (the batches behind wait), so a transition is never lost to a short outage and never overtakes an
 * earlier one. Each `append` settles when its batch is durable. Batches queued while a write is under
 * way go out together in the next write (one transaction and one fsync, not one per batch), and the
 * event loop gets a turn between two writes, so telemetry is not held up behind a burst.
 */
export class OrderedStreamWriter {
  private readonly queue: QueuedBatch[] = [];
  private inWrite = 0;
  private writing: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly eventLog: EventLog,
    private readonly stream: EventStream,
    private readonly log: Log,
    private readonly retry = { initialMs: 200, maxMs: 10_000 },
  ) {}

  /** Batches waiting for the store, those being written included. */
  get backlog(): number {
    return this.queue.length + this.inWrite;
  }

  append(events: readonly NewEvent[]): Promise<StoredEvent[]> {
    if (events.length === 0) return Promise.resolve([]);
    return new Promise<StoredEvent[]>((resolve, reject) => {
      this.queue.push({ events, resolve, reject });
      this.writing ??= this.writeQueued();
    });
  }

  /**
   * Waits for what is queued, at most `graceMs` (a store down at shutdown must not keep the process
   * alive); afterwards nothing is retried any more, and what is still waiting fails.
   */
  async close(graceMs = 10_000): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.idle(), grace]);
    clearTimeout(timer);
    this.closed = true;
  }

  private async idle(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async writeQueued(): Promise<void> {
    try {
      // After the code that appended has run: batches appended together are written together.
      await Promise.resolve();
      while (this.queue.length > 0) {
        const group = this.takeGroup();
        this.inWrite = group.length;
        await this.writeGroup(group);
        this.inWrite = 0;
        if (this.queue.length > 0) await nextTurn();
      }
    } finally {
      this.writing = undefined;
    }
  }

  /** The oldest batches, whole, up to MAX_EVENTS_PER_WRITE events (at least one batch). */
  private takeGroup(): QueuedBatch[] {
    let count = 0;
    let events = 0;
    while (count < this.queue.length && (count === 0 || events + (this.queue[count] as QueuedBatch).events.length <= MAX_EVENTS_PER_WRITE)) {
      events += (this.queue[count] as QueuedBatch).events.length;
      count += 1;
    }
    return this.queue.splice(0, count);
  }

  private async writeGroup(group: readonly QueuedBatch[]): Promise<void> {
    try {
      const stored = await this.writeWithRetry(group.length === 1 ? (group[0] as QueuedBatch).events : group.flatMap((b) => b.events));
      let from = 0;
      for (const batch of group) {
        batch.resolve(stored.slice(from, from + batch.events.length));
        from += batch.events.length;
      }
    } catch (error) {
      if (group.length === 1) {
        (group[0] as QueuedBatch).reject(error);
        return;
      }
      // One batch's content (or a bug) failed the write of all: each alone, so that only that one fails.
      for (const batch of group) await this.writeGroup([batch]);
    }
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
