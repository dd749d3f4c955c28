import type { EncodedEvent } from '../event-encoding';
import type { EventStream } from '../event-log';
import { EVENT, eventOffsetNs } from './influx-schema';
import { encodeLine, integer, nsTimestamp, str } from './line-protocol';

/** One event as one point of the `event` measurement; the body is its JSON text in a string field. */
export function eventLine(stream: EventStream, seq: number, event: EncodedEvent): string {
  return encodeLine({
    measurement: EVENT.measurement,
    tags: { [EVENT.tags.stream]: stream },
    fields: { [EVENT.fields.seq]: integer(seq), [EVENT.fields.at]: integer(event.at), [EVENT.fields.body]: str(event.body) },
    timeNs: eventTimeNs(seq, event.at),
  });
}

/** The events of one append, numbered from `first`, as one request body. */
export function eventsBody(stream: EventStream, first: number, events: readonly EncodedEvent[]): string {
  return events.map((event, index) => eventLine(stream, first + index, event)).join('\n');
}

/** The point time of an event: what a DELETE names it by (epoch=ms answers drop the nanoseconds). */
export function eventTimeNs(seq: number, at: number): string {
  return nsTimestamp(at, eventOffsetNs(seq));
}
