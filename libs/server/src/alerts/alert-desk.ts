import {
  type Alert,
  AlertBook,
  type AlertEvent,
  type AlertFilter,
  type AlertHistory,
  type AlertOutcome,
  type AlertPolicy,
  type AlertSubject,
  foldAlertHistory,
} from '@hydro/domain';
import type { EventLog, Log, StoredEvent } from '@hydro/ingestion';
import { Subject, type Observable } from 'rxjs';
import type { EventLogReadiness } from '../storage/event-log-readiness';
import { OrderedStreamWriter } from '../storage/ordered-stream-writer';

const CLOSED_KEPT_MS = 7 * 86_400_000;

/** An alert transition once durable, with its position in the `alerts` stream (the SSE event id). */
export interface StoredAlertEvent {
  readonly seq: number;
  readonly event: AlertEvent;
}

export interface AlertDeskOptions {
  readonly policyFor: (ruleId: string) => AlertPolicy;
  readonly isSuppressed: (stationIds: readonly string[], at: number) => boolean;
}

/**
 * The one place alerts of every kind (flood and equipment) change: evaluators hand it outcomes,
 * people acknowledge, time ticks. Each transition is appended to the `alerts` stream in order and,
 * once durable, announced on `durable$` (SSE, MQTT, webhooks listen there). At start-up the book is
 * rebuilt by folding the stream, so a restart neither forgets, duplicates nor re-announces an alert.
 * Outcomes that come before the rebuild is done wait for it.
 */
export class AlertDesk {
  private book: AlertBook;
  private readonly writer: OrderedStreamWriter;
  private readonly announced = new Subject<StoredAlertEvent>();
  private readonly waiting: Array<() => void> = [];
  private rebuilt = false;
  readonly ready: Promise<void>;

  constructor(
    private readonly eventLog: EventLog,
    readiness: EventLogReadiness,
    private readonly options: AlertDeskOptions,
    private readonly log: Log,
  ) {
    this.book = new AlertBook(options);
    this.writer = new OrderedStreamWriter(eventLog, 'alerts', log);
    this.ready = readiness.ready.then(() => this.rebuild());
  }

  get durable$(): Observable<StoredAlertEvent> {
    return this.announced.asObservable();
  }

  /** Highest seq appended so far: where a live stream starts. */
  get lastSeq(): number {
    return this.eventLog.lastSeq('alerts');
  }

  observe(subject: AlertSubject, outcome: AlertOutcome, detectedAt: number): void {
    if (!this.rebuilt) {
      this.waiting.push(() => this.observe(subject, outcome, detectedAt));
      return;
    }
    // A write that fails for good is logged in record(); evaluation goes on regardless.
    this.record(this.book.observe(subject, outcome, detectedAt)).catch(() => undefined);
  }

  tick(now: number): void {
    if (!this.rebuilt) return;
    this.record(this.book.tick(now)).catch(() => undefined);
    // Closed alerts leave memory after a week; the log keeps them for history and CAP.
    this.book.forgetClosed(now - CLOSED_KEPT_MS);
  }

  /** Resolves once the acknowledgement is durable; throws the book's errors (not found, already acknowledged). */
  async acknowledge(alertId: string, actor: string, note: string | undefined, at: number): Promise<Alert> {
    await this.ready;
    await this.record(this.book.acknowledge(alertId, actor, note, at));
    return this.book.get(alertId) as Alert;
  }

  list(filter: AlertFilter): Alert[] {
    return this.book.list(filter);
  }

  get(alertId: string): Alert | undefined {
    return this.book.get(alertId);
  }

  get openCount(): number {
    return this.book.openCount;
  }

  /** One alert with its transitions, from the log (also alerts the book no longer holds). */
  async history(alertId: string): Promise<AlertHistory | undefined> {
    await this.ready;
    const events = await this.eventLog.read('alerts');
    return foldAlertHistory(alertId, events.map(alertEventOf));
  }

  /** Durable transitions after `afterSeq`, in order: what a reconnecting SSE client missed. */
  async since(afterSeq: number): Promise<StoredAlertEvent[]> {
    return (await this.eventLog.read('alerts', { afterSeq })).map((e) => ({ seq: e.seq, event: alertEventOf(e) }));
  }

  async close(): Promise<void> {
    await this.writer.close();
    this.announced.complete();
  }

  private record(events: readonly AlertEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const written = this.writer.append(events.map((event) => ({ at: event.at, body: event as unknown as Record<string, unknown> })));
    return written.then(
      (stored) => {
        for (const e of stored) this.announced.next({ seq: e.seq, event: alertEventOf(e) });
      },
      (error: unknown) => {
        this.log.error(`alert transitions not stored: ${(error as Error).message}`, 'AlertDesk');
        throw error;
      },
    );
  }

  private async rebuild(): Promise<void> {
    const events = await this.eventLog.read('alerts');
    this.book = AlertBook.fromEvents(events.map(alertEventOf), this.options);
    this.rebuilt = true;
    this.log.log(`${this.book.openCount} open alerts rebuilt from ${events.length} transitions`, 'AlertDesk');
    for (const replay of this.waiting.splice(0)) replay();
  }
}

function alertEventOf(stored: StoredEvent): AlertEvent {
  return stored.body as unknown as AlertEvent;
}
