/**
 * Measurement, tag and field names of the InfluxDB schema, shared by the writer, the queries and the
 * row readers so that a rename cannot leave one of them behind. docs/storage.md explains the choices.
 */

export const READING = {
  measurement: 'reading',
  tags: { station: 'station', element: 'element' },
  fields: { value: 'value', quality: 'quality', qc: 'qc' },
} as const;

export const ARRIVAL = {
  measurement: 'arrival',
  tags: { station: 'station', channel: 'channel' },
  fields: { receivedAt: 'received_at', onSchedule: 'on_schedule' },
} as const;

/**
 * One point per on-schedule observation of a station, whichever channel brought it: the copies over
 * cellular and BeiDou have the same series and time, so they collapse into one point, and a plain count()
 * is the number of distinct timed reports that arrived. The field is the receipt time of the copy written
 * last; only the point's presence is counted.
 */
export const REPORT = {
  measurement: 'report',
  tags: { station: 'station' },
  fields: { receivedAt: 'received_at' },
} as const;

export const DEAD_LETTER = {
  measurement: 'dead_letter',
  tags: { reason: 'reason' },
  fields: { topic: 'topic', payload: 'payload', detail: 'detail', receivedAt: 'received_at', serial: 'serial' },
} as const;

/**
 * A dead letter's time is receivedAt (ms) plus (serial mod 1e6) ns: two letters received in the same
 * millisecond get distinct timestamps, the same letter replayed gets the same one, and the time
 * still falls inside its receipt millisecond, so millisecond time ranges select it correctly.
 */
export const DEAD_LETTER_SERIAL_SPREAD = 1_000_000;

export function deadLetterOffsetNs(serial: number): number {
  return ((serial % DEAD_LETTER_SERIAL_SPREAD) + DEAD_LETTER_SERIAL_SPREAD) % DEAD_LETTER_SERIAL_SPREAD;
}

/** The event log: one series per stream; seq, at and the JSON body are fields (docs/storage.md). */
export const EVENT = {
  measurement: 'event',
  tags: { stream: 'stream' },
  fields: { seq: 'seq', at: 'at', body: 'body' },
} as const;

/**
 * An event's time is `at` (ms) plus (seq mod 1e6) ns, as for dead letters: the events of one append share
 * their `at` and still get distinct points, a retried append rewrites the same points, and millisecond
 * ranges on `at` select by time.
 */
export function eventOffsetNs(seq: number): number {
  return deadLetterOffsetNs(seq);
}
