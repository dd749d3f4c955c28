import type { Database } from 'better-sqlite3';
import type { EncodedEvent } from '../event-encoding';
import type { EventStream } from '../event-log';
import type { Params } from './sqlite-queries';
import * as q from './sqlite-event-queries';

/** Appends a stream's events in one transaction and answers the first seq given. */
export type EventAppender = (stream: EventStream, events: readonly EncodedEvent[]) => number;

/**
 * One IMMEDIATE transaction per append: takes the write lock, reads the stream's last seq from the file,
 * inserts the events after it. A failed append rolls back whole and consumes no seq.
 */
export function eventAppender(db: Database): EventAppender {
  const lastSeq = db.prepare<[Params], { seq: number }>(q.LAST_SEQ);
  const insert = db.prepare<[Params]>(q.INSERT_EVENT);
  const transaction = db.transaction((stream: EventStream, events: readonly EncodedEvent[]): number => {
    const first = (lastSeq.get({ stream })?.seq ?? 0) + 1;
    events.forEach((event, index) => insert.run({ stream, seq: first + index, at: event.at, body: event.body }));
    return first;
  });
  return (stream, events) => transaction.immediate(stream, events);
}
