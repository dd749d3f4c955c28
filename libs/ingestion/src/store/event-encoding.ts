import { EVENT_STREAMS, type EventBody, type EventQuery, type EventStream, type NewEvent } from './event-log';
import { StoreRejectedError } from './reading-store';

/**
 * What every EventLog adapter checks and how it keeps a body, so that they refuse alike: a body is
 * stored as its JSON text and read back with JSON.parse, so what round-trips is what JSON can say.
 */

/**
 * The largest body, as UTF-8 JSON. Events are alert transitions and people's actions, a few hundred bytes;
 * a larger one is a bug upstream. InfluxDB 1.x documents 64 KB as the longest string field.
 */
export const MAX_EVENT_BODY_BYTES = 64 * 1024;

/** An event ready to store: its body as JSON text. */
export interface EncodedEvent {
  readonly at: number;
  readonly body: string;
}

/**
 * Checks and encodes a whole append before any of it is stored. Throws RangeError for a stream that is not
 * one of EVENT_STREAMS, StoreRejectedError naming the first event that cannot be stored.
 */
export function encodeNewEvents(stream: EventStream, events: readonly NewEvent[]): EncodedEvent[] {
  checkStream(stream);
  return events.map((event, index) => {
    const which = `${stream} event ${index + 1} of ${events.length}`;
    if (!Number.isSafeInteger(event.at)) throw new StoreRejectedError(`${which}: at ${event.at} is not integer epoch ms`);
    if (typeof event.body !== 'object' || event.body === null || Array.isArray(event.body)) {
      throw new StoreRejectedError(`${which}: the body must be a JSON object`);
    }
    let body: string | undefined;
    try {
      body = JSON.stringify(event.body);
    } catch (error) {
      throw new StoreRejectedError(`${which}: the body is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    // A toJSON() can turn an object into anything, or nothing.
    if (body === undefined || !body.startsWith('{')) throw new StoreRejectedError(`${which}: the body does not serialise to a JSON object`);
    const bytes = Buffer.byteLength(body, 'utf8');
    if (bytes > MAX_EVENT_BODY_BYTES) throw new StoreRejectedError(`${which}: the body is ${bytes} bytes of JSON, more than the ${MAX_EVENT_BODY_BYTES} allowed`);
    return { at: event.at, body };
  });
}

/** A stored body back into an object; `where` names the row for the error if it is not a JSON object. */
export function decodeEventBody(text: string, where: string): EventBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`the body of ${where} is not JSON`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error(`the body of ${where} is not a JSON object`);
  return body as EventBody;
}

export function checkStream(stream: string): asserts stream is EventStream {
  if (!(EVENT_STREAMS as readonly string[]).includes(stream)) {
    throw new RangeError(`${JSON.stringify(stream)} is not an event stream (${EVENT_STREAMS.join(', ')})`);
  }
}

/** afterSeq a non-negative integer, from and to integer epoch ms, limit a positive integer. */
export function checkEventQuery(query: EventQuery): void {
  const { afterSeq, from, to, limit } = query;
  if (afterSeq !== undefined && (!Number.isSafeInteger(afterSeq) || afterSeq < 0)) throw new RangeError(`afterSeq must be a non-negative integer, got ${afterSeq}`);
  for (const [name, bound] of [['from', from], ['to', to]] as const) {
    if (bound !== undefined && !Number.isSafeInteger(bound)) throw new RangeError(`event query ${name} must be integer epoch ms, got ${bound}`);
  }
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit <= 0)) throw new RangeError(`event query limit must be a positive integer, got ${limit}`);
}
