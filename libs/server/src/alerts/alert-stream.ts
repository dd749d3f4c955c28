import type { AlertEvent } from '@hydro/domain';
import { Observable } from 'rxjs';
import type { AlertDesk, StoredAlertEvent } from './alert-desk';

/** What Nest writes as one Server-Sent Event. */
export interface AlertMessageEvent {
  readonly id: string;
  readonly type: string;
  readonly data: AlertEvent;
}

/**
 * Live transitions, preceded (when `afterSeq` is given) by every durable one after it, without a gap
 * or a repeat: live events are buffered while the log is read, and only those past the last one sent
 * go out. Without `afterSeq` the stream starts with what happens next.
 */
export function alertStream(desk: AlertDesk, afterSeq: number | undefined, wanted: (event: AlertEvent) => boolean): Observable<AlertMessageEvent> {
  return new Observable<AlertMessageEvent>((subscriber) => {
    let last = afterSeq ?? desk.lastSeq;
    let buffer: StoredAlertEvent[] | undefined = afterSeq === undefined ? undefined : [];
    const send = (stored: StoredAlertEvent): void => {
      if (stored.seq <= last) return;
      last = stored.seq;
      if (wanted(stored.event)) subscriber.next({ id: String(stored.seq), type: stored.event.type, data: stored.event });
    };
    const live = desk.durable$.subscribe({
      next: (stored) => (buffer === undefined ? send(stored) : buffer.push(stored)),
      complete: () => subscriber.complete(),
    });
    if (afterSeq !== undefined) {
      desk.since(afterSeq).then(
        (missed) => {
          for (const stored of missed) send(stored);
          for (const stored of buffer ?? []) send(stored);
          buffer = undefined;
        },
        (error: unknown) => subscriber.error(error),
      );
    }
    return () => live.unsubscribe();
  });
}
