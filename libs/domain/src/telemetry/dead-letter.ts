/** Why a message (or one reading in it) was not stored. Stable codes: metrics and queries group by them. */
export const DEAD_LETTER_REASONS = [
  'malformed_json',
  'invalid_payload',
  'bad_topic',
  'unknown_station',
  'station_mismatch',
  'unknown_channel',
  'bad_timestamp',
  'future_timestamp',
  'unknown_element',
  'invalid_value',
  'element_not_measured',
  'store_rejected',
] as const;
export type DeadLetterReason = (typeof DEAD_LETTER_REASONS)[number];

/** A message, or the part of one, that could not be accepted, kept with a reason a person can read. */
export interface DeadLetter {
  readonly receivedAt: number;
  readonly topic: string;
  /** The raw payload as received (UTF-8; invalid bytes replaced). */
  readonly payload: string;
  readonly reason: DeadLetterReason;
  /** What exactly was wrong, e.g. `readings.water_level: "abc" is not a number`. */
  readonly detail: string;
}
