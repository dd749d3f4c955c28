import type { Arrival, Channel, DeadLetter, Element, Quality, Reading, TelemetryOutcome } from '@hydro/domain';

/**
 * How one message's outcome is kept in the journal: compact positional arrays,
 * because every accepted message is encoded once and decoded once on the hot path.
 */
type ReadingRow = [string, Element, number, number, Quality, string?];
/** The 5th element is onSchedule as 1 or 0; entries written before it existed have four. */
type ArrivalRow = [string, Channel, number, number, (0 | 1)?];
interface EntryJson {
  r: ReadingRow[];
  a: ArrivalRow[];
  d: DeadLetter[];
}

export function encodeJournalEntry(outcome: TelemetryOutcome): Buffer {
  const entry: EntryJson = {
    r: outcome.readings.map((r) =>
      r.qualityNote === undefined
        ? [r.stationId, r.element, r.observedAt, r.value, r.quality]
        : [r.stationId, r.element, r.observedAt, r.value, r.quality, r.qualityNote],
    ),
    a: outcome.arrivals.map((a) => [a.stationId, a.channel, a.observedAt, a.receivedAt, a.onSchedule === false ? 0 : 1]),
    d: outcome.deadLetters,
  };
  return Buffer.from(JSON.stringify(entry));
}

export function decodeJournalEntry(payload: Buffer): TelemetryOutcome {
  const entry = JSON.parse(payload.toString('utf8')) as EntryJson;
  return {
    readings: entry.r.map(([stationId, element, observedAt, value, quality, qualityNote]): Reading =>
      qualityNote === undefined
        ? { stationId, element, observedAt, value, quality }
        : { stationId, element, observedAt, value, quality, qualityNote },
    ),
    // An entry written before onSchedule existed has no 5th element, and the station's interval is not at
    // hand here to work it out. Such an arrival counts as on schedule, as the SQLite migration does for the
    // arrivals already stored: counting an added report once too often is better than reporting a healthy
    // station's timed report as missing. Only entries not yet drained at the upgrade are decoded this way.
    arrivals: entry.a.map(([stationId, channel, observedAt, receivedAt, onSchedule]): Arrival => ({
      stationId,
      channel,
      observedAt,
      receivedAt,
      onSchedule: onSchedule !== 0,
    })),
    deadLetters: entry.d,
  };
}
