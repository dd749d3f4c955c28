import { type Arrival, type Reading, DEAD_LETTER_REASONS, isChannel, isElement } from '@hydro/domain';
import type { DeadLetterReason } from '@hydro/domain';
import type { ArrivalCount, SeriesPoint, StoredDeadLetter } from '../reading-store';
import { ARRIVAL, DEAD_LETTER, READING } from './influx-schema';
import type { Row } from './influx-response';

/**
 * Rows of the queries in influx-queries.ts back into domain objects. Every column is checked:
 * a row that does not fit (someone wrote to the measurement by hand) fails loudly, naming the column.
 */

export function toReading(row: Row): Reading {
  const quality = text(row, READING.fields.quality);
  if (quality !== 'good' && quality !== 'suspect') throw badRow(READING.fields.quality, quality);
  const element = text(row, READING.tags.element);
  if (!isElement(element)) throw badRow(READING.tags.element, element);
  // An empty qc is how a good reading clears an earlier note (see telemetry-lines.ts).
  const note = optionalText(row, READING.fields.qc);
  return {
    stationId: text(row, READING.tags.station),
    element,
    observedAt: num(row, 'time'),
    value: num(row, READING.fields.value),
    quality,
    ...(note === undefined || note === '' ? {} : { qualityNote: note }),
  };
}

export function toArrival(row: Row): Arrival {
  const channel = text(row, ARRIVAL.tags.channel);
  if (!isChannel(channel)) throw badRow(ARRIVAL.tags.channel, channel);
  return {
    stationId: text(row, ARRIVAL.tags.station),
    channel,
    observedAt: num(row, 'time'),
    receivedAt: num(row, ARRIVAL.fields.receivedAt),
    // Absent on arrivals written before the flag existed: they count as on schedule wherever they are read.
    onSchedule: optionalBoolean(row, ARRIVAL.fields.onSchedule) ?? true,
  };
}

/** A row of arrivalCountsPerChannel (tags station and channel) or reportCounts (tag station only: 'any'). */
export function toArrivalCount(row: Row): ArrivalCount {
  const channel = row[ARRIVAL.tags.channel] === undefined ? 'any' : text(row, ARRIVAL.tags.channel);
  if (channel !== 'any' && !isChannel(channel)) throw badRow(ARRIVAL.tags.channel, channel);
  return { stationId: text(row, ARRIVAL.tags.station), channel, time: num(row, 'time'), count: num(row, 'count') };
}

export function toDeadLetter(row: Row): StoredDeadLetter {
  const reason = text(row, DEAD_LETTER.tags.reason);
  if (!isReason(reason)) throw badRow(DEAD_LETTER.tags.reason, reason);
  return {
    // received_at, not the time: epoch=ms rounds away the serial offset the time carries.
    receivedAt: num(row, DEAD_LETTER.fields.receivedAt),
    topic: text(row, DEAD_LETTER.fields.topic),
    payload: text(row, DEAD_LETTER.fields.payload),
    reason,
    detail: text(row, DEAD_LETTER.fields.detail),
    serial: num(row, DEAD_LETTER.fields.serial),
  };
}

/** A raw reading as a series point of its own. */
export function readingPoint(reading: Reading): SeriesPoint {
  const { observedAt: time, value } = reading;
  return { time, mean: value, min: value, max: value, sum: value, count: 1, suspect: reading.quality === 'suspect' ? 1 : 0 };
}

/** A row of selectSeriesBuckets, with the suspect count of the same bucket (absent: none) from suspectPerBucket. */
export function toSeriesPoint(row: Row, suspectAt: ReadonlyMap<number, number>): SeriesPoint {
  const time = num(row, 'time');
  return {
    time,
    mean: num(row, 'mean'),
    min: num(row, 'min'),
    max: num(row, 'max'),
    sum: num(row, 'sum'),
    count: num(row, 'count'),
    suspect: suspectAt.get(time) ?? 0,
  };
}

/** The rows of countSuspectPerBucket as bucket time → suspect count. */
export function suspectPerBucket(rows: readonly Row[]): Map<number, number> {
  return new Map(rows.map((row) => [num(row, 'time'), num(row, 'count')]));
}

function isReason(value: string): value is DeadLetterReason {
  return (DEAD_LETTER_REASONS as readonly string[]).includes(value);
}

function text(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw badRow(column, value);
  return value;
}

function optionalText(row: Row, column: string): string | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'string') throw badRow(column, value);
  return value;
}

function optionalBoolean(row: Row, column: string): boolean | undefined {
  const value = row[column];
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'boolean') throw badRow(column, value);
  return value;
}

function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw badRow(column, value);
  return value;
}

function badRow(column: string, value: unknown): Error {
  return new Error(`unexpected ${column} ${JSON.stringify(value) ?? String(value)} in a row from InfluxDB`);
}
