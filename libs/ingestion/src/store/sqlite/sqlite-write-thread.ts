import { resolve } from 'node:path';
import type { EncodedEvent } from '../event-encoding';
import type { EventStream } from '../event-log';
import type { TelemetryBatch } from '../reading-store';
import { SqliteThread } from './sqlite-thread';

/** A user's hold on the write thread of a file: its writes, and `release` when the user closes. */
export interface SqliteWriteThread {
  write(batch: TelemetryBatch): Promise<void>;
  append(stream: EventStream, events: readonly EncodedEvent[]): Promise<number>;
  /** Idempotent. The last user's release finishes the thread's work and stops it. */
  release(): Promise<void>;
}

const threads = new Map<string, { readonly thread: SqliteThread; users: number }>();

/**
 * The one write thread of a file in this process, shared by the reading store and the event log. With a
 * thread each, the two contended for SQLite's write lock: while the drain wrote part after part, an
 * append polled the lock in SQLite's busy handler and waited up to 1.3 s, and every alert transition
 * with it. In one thread their transactions queue instead, so an append waits for one 250-point part
 * at most.
 */
export function openWriteThread(file: string): SqliteWriteThread {
  const key = resolve(file);
  let entry = threads.get(key);
  if (entry === undefined) {
    entry = { thread: new SqliteThread(file, 'write'), users: 0 };
    threads.set(key, entry);
  }
  entry.users += 1;
  const { thread } = entry;
  const held = entry;
  let released = false;
  return {
    write: (batch) => thread.write(batch),
    append: (stream, events) => thread.append(stream, events),
    release: async () => {
      if (released) return;
      released = true;
      held.users -= 1;
      if (held.users > 0) return;
      if (threads.get(key) === held) threads.delete(key);
      await thread.close();
    },
  };
}
