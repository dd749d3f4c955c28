/**
 * The streams of the event log: alert transitions, maintenance windows, the audit trail of what people
 * did, and issued API tokens. Each is an append-only history from which state is rebuilt at start-up.
 */
export const EVENT_STREAMS = ['alerts', 'maintenance', 'audit', 'tokens'] as const;
export type EventStream = (typeof EVENT_STREAMS)[number];

/** A JSON-serialisable event body; its shape belongs to the stream's owner. */
export type EventBody = Readonly<Record<string, unknown>>;

export interface NewEvent {
  /** When it happened (detection or action time), epoch ms. */
  readonly at: number;
  readonly body: EventBody;
}

export interface StoredEvent extends NewEvent {
  readonly stream: EventStream;
  /** Position in its stream: 1, 2, 3… with no gaps; a Server-Sent Events id for the alerts stream. */
  readonly seq: number;
}

export interface EventQuery {
  /** Only events with a larger seq (resuming a stream). */
  readonly afterSeq?: number;
  /** `at` inclusive lower bound, epoch ms. */
  readonly from?: number;
  /** `at` exclusive upper bound, epoch ms. */
  readonly to?: number;
  /** At most this many, the first ones in seq order. */
  readonly limit?: number;
}

/**
 * Durable, ordered history per stream. One writer per stream at a time (the process that owns the
 * state); `append` resolves once the events are durable and returns them with their seq.
 */
export interface EventLog {
  /** Creates what it needs and learns the last seq of every stream; safe to call on every start. */
  prepare(): Promise<void>;
  /** Throws StoreUnavailableError when it may succeed later; then no seq is consumed. */
  append(stream: EventStream, events: readonly NewEvent[]): Promise<StoredEvent[]>;
  /** In seq order. */
  read(stream: EventStream, query?: EventQuery): Promise<StoredEvent[]>;
  /** 0 for an empty stream. */
  lastSeq(stream: EventStream): number;
  close(): Promise<void>;
}
