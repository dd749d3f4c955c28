import type { Arrival, Reading } from '@hydro/domain';
import type { StoredDeadLetter, TelemetryBatch } from '../reading-store';
import { ARRIVAL, DEAD_LETTER, READING, REPORT, deadLetterOffsetNs } from './influx-schema';
import { LineProtocolError, bool, encodeLine, float, integer, nsTimestamp, str } from './line-protocol';

/**
 * A reading is one point per (station, element, observation time) whatever channel brought it.
 * `qc` is always written, empty when the reading is good: InfluxDB merges the fields of a rewritten
 * point, so leaving it out would keep a stale note when a suspect reading is corrected to good.
 */
export function readingLine(reading: Reading): string {
  return encodeLine({
    measurement: READING.measurement,
    tags: { [READING.tags.station]: reading.stationId, [READING.tags.element]: reading.element },
    fields: {
      [READING.fields.value]: float(reading.value),
      [READING.fields.quality]: str(reading.quality),
      [READING.fields.qc]: str(reading.qualityNote ?? ''),
    },
    timeNs: nsTimestamp(reading.observedAt),
  });
}

/**
 * One point per (station, channel, observation time): dual-channel copies are two arrivals of one reading.
 * Only an explicit false is an added report: an arrival without the flag counts, as in the other stores.
 */
export function arrivalLine(arrival: Arrival): string {
  return encodeLine({
    measurement: ARRIVAL.measurement,
    tags: { [ARRIVAL.tags.station]: arrival.stationId, [ARRIVAL.tags.channel]: arrival.channel },
    fields: { [ARRIVAL.fields.receivedAt]: integer(arrival.receivedAt), [ARRIVAL.fields.onSchedule]: bool(arrival.onSchedule !== false) },
    timeNs: nsTimestamp(arrival.observedAt),
  });
}

/** The station-level point of an on-schedule arrival (see REPORT); both channels' copies write the same point. */
export function reportLine(arrival: Arrival): string {
  return encodeLine({
    measurement: REPORT.measurement,
    tags: { [REPORT.tags.station]: arrival.stationId },
    fields: { [REPORT.fields.receivedAt]: integer(arrival.receivedAt) },
    timeNs: nsTimestamp(arrival.observedAt),
  });
}

/** The serial is kept as a field too: the time only holds it modulo 1e6, and readers need it whole. */
export function deadLetterLine(letter: StoredDeadLetter): string {
  return encodeLine({
    measurement: DEAD_LETTER.measurement,
    tags: { [DEAD_LETTER.tags.reason]: letter.reason },
    fields: {
      [DEAD_LETTER.fields.topic]: str(letter.topic),
      [DEAD_LETTER.fields.payload]: str(letter.payload),
      [DEAD_LETTER.fields.detail]: str(letter.detail),
      [DEAD_LETTER.fields.receivedAt]: integer(letter.receivedAt),
      [DEAD_LETTER.fields.serial]: integer(letter.serial),
    },
    timeNs: nsTimestamp(letter.receivedAt, deadLetterOffsetNs(letter.serial)),
  });
}

/**
 * The whole batch as one request body, in batch order: for points with the same identity in one
 * body InfluxDB keeps the last, which is the caller's latest. Empty string for an empty batch.
 */
export function batchBody(batch: TelemetryBatch): string {
  const lines = [
    ...encodeEach(batch.readings, readingLine, (r) => `reading ${r.stationId} ${r.element} @${r.observedAt}`),
    ...encodeEach(batch.arrivals, arrivalLine, (a) => `arrival ${a.stationId} ${a.channel} @${a.observedAt}`),
    ...encodeEach(
      batch.arrivals.filter((a) => a.onSchedule !== false),
      reportLine,
      (a) => `report ${a.stationId} @${a.observedAt}`,
    ),
    ...encodeEach(batch.deadLetters, deadLetterLine, (d) => `dead letter serial ${d.serial}`),
  ];
  return lines.join('\n');
}

/** Names the point that could not be encoded, so the error says which one to look at. */
function encodeEach<T>(items: readonly T[], encode: (item: T) => string, describe: (item: T) => string): string[] {
  return items.map((item) => {
    try {
      return encode(item);
    } catch (error) {
      if (error instanceof LineProtocolError) throw new LineProtocolError(`${describe(item)}: ${error.message}`);
      throw error;
    }
  });
}
