import type { EncodedEvent } from '../event-encoding';
import type { EventStream } from '../event-log';
import type { TelemetryBatch } from '../reading-store';
import type { SqliteRead } from './sqlite-reader';

/**
 * What the store's main thread and its SQLite threads say to each other: plain data, so it crosses
 * postMessage as it is.
 */

/** A `read` thread holds a read-only connection; a `write` thread the connection that writes. */
export type SqliteThreadRole = 'read' | 'write';

/** One piece of work: a read (answers rows), a batch write (answers null), an append (answers the first seq). */
export type SqliteWork =
  | { readonly op: 'read'; readonly read: SqliteRead }
  | { readonly op: 'write'; readonly batch: TelemetryBatch }
  | { readonly op: 'append'; readonly stream: EventStream; readonly events: readonly EncodedEvent[] };

export interface SqliteRequest {
  readonly id: number;
  readonly work: SqliteWork;
}

/** What a statement failed with, as plain data: the store classifies it (classifySqliteFailure). */
export interface SqliteFailure {
  readonly name: string;
  readonly message: string;
  readonly code?: string;
}

export type SqliteReply = { readonly id: number; readonly value: unknown } | { readonly id: number; readonly failure: SqliteFailure };
