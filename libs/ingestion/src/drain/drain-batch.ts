import type { Arrival, Reading } from '@hydro/domain';
import { decodeJournalEntry } from '../intake/journal-entry';
import type { StoredDeadLetter, TelemetryBatch } from '../store/reading-store';

export interface JournalRecord {
  readonly seq: number;
  readonly payload: Buffer;
}

/** Dead letters of one journal entry get serials seq * SERIAL_STRIDE + index: unique and stable on replay. */
export const SERIAL_STRIDE = 10_000;

/** A run of journal entries decoded into one store write, remembering which entries it covers. */
export interface DrainBatch extends TelemetryBatch {
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly entries: number;
  readonly points: number;
}

/** Decodes journal records, in order, into one batch of at most about `maxPoints` points. */
export function buildDrainBatch(records: readonly JournalRecord[], maxPoints: number): DrainBatch | undefined {
  const first = records[0];
  if (!first) return undefined;
  const readings: Reading[] = [];
  const arrivals: Arrival[] = [];
  const deadLetters: StoredDeadLetter[] = [];
  let lastSeq = first.seq;
  let entries = 0;
  for (const record of records) {
    // Always take at least one entry, whatever its size, or the drain would stall on it.
    if (entries > 0 && readings.length + arrivals.length + deadLetters.length >= maxPoints) break;
    const outcome = decodeJournalEntry(record.payload);
    readings.push(...outcome.readings);
    arrivals.push(...outcome.arrivals);
    outcome.deadLetters.forEach((letter, index) => deadLetters.push({ ...letter, serial: record.seq * SERIAL_STRIDE + index }));
    lastSeq = record.seq;
    entries += 1;
  }
  return {
    readings,
    arrivals,
    deadLetters,
    firstSeq: first.seq,
    lastSeq,
    entries,
    points: readings.length + arrivals.length + deadLetters.length,
  };
}
