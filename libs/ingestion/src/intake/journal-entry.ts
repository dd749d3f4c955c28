import type { Arrival, Channel, DeadLetter, Element, Quality, Reading, TelemetryOutcome } from '@hydro/domain';

/**
 * How one message's outcome is kept in the journal: compact positional arrays,
 * because every accepted message is encoded once and decoded once on the hot path.
 */
type ReadingRow = [string, Element, number, number, Quality, string?];
type ArrivalRow = [string, Channel, number, number];
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
    a: outcome.arrivals.map((a) => [a.stationId, a.channel, a.observedAt, a.receivedAt]),
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
    arrivals: entry.a.map(([stationId, channel, observedAt, receivedAt]): Arrival => ({ stationId, channel, observedAt, receivedAt })),
    deadLetters: entry.d,
  };
}
