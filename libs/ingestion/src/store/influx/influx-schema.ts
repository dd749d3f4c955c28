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
