import { type Arrival, type DeadLetterReason, type Reading, DEAD_LETTER_REASONS, isChannel, isElement } from '@hydro/domain';
import type { ArrivalCount, SeriesPoint, StoredDeadLetter } from '../reading-store';

/**
 * Rows of the statements in sqlite-queries.ts back into domain objects. Every column is checked: a row
 * that does not fit (someone edited the file by hand) fails loudly, naming the column.
 */

export function toReading(row: unknown): Reading {
  const r = record(row);
  const quality = text(r, 'quality');
  if (quality !== 'good' && quality !== 'suspect') throw badRow('quality', quality);
  const element = text(r, 'element');
  if (!isElement(element)) throw badRow('element', element);
  const note = r['qc'];
  if (note !== null && typeof note !== 'string') throw badRow('qc', note);
  return {
    stationId: text(r, 'station'),
    element,
    observedAt: num(r, 'observed_at'),
    value: num(r, 'value'),
    quality,
    ...(note === null || note === '' ? {} : { qualityNote: note }),
  };
}

export function toArrival(row: unknown): Arrival {
  const r = record(row);
  const channel = text(r, 'channel');
  if (!isChannel(channel)) throw badRow('channel', channel);
  const onSchedule = num(r, 'on_schedule');
  if (onSchedule !== 0 && onSchedule !== 1) throw badRow('on_schedule', onSchedule);
  return { stationId: text(r, 'station'), channel, observedAt: num(r, 'observed_at'), receivedAt: num(r, 'received_at'), onSchedule: onSchedule === 1 };
}

export function toArrivalCount(row: unknown): ArrivalCount {
  const r = record(row);
  const channel = text(r, 'channel');
  if (channel !== 'any' && !isChannel(channel)) throw badRow('channel', channel);
  return { stationId: text(r, 'station'), channel, time: num(r, 'time'), count: num(r, 'count') };
}

export function toDeadLetter(row: unknown): StoredDeadLetter {
  const r = record(row);
  const reason = text(r, 'reason');
  if (!isReason(reason)) throw badRow('reason', reason);
  return {
    receivedAt: num(r, 'received_at'),
    topic: text(r, 'topic'),
    payload: text(r, 'payload'),
    reason,
    detail: text(r, 'detail'),
    serial: num(r, 'serial'),
  };
}

export function toSeriesPoint(row: unknown): SeriesPoint {
  const r = record(row);
  return {
    time: num(r, 'time'),
    mean: num(r, 'mean'),
    min: num(r, 'min'),
    max: num(r, 'max'),
    sum: num(r, 'sum'),
    count: num(r, 'count'),
    suspect: num(r, 'suspect'),
  };
}

/** The value of a `SELECT count(*) AS count` statement. */
export function toCount(row: unknown): number {
  return num(record(row), 'count');
}

function isReason(value: string): value is DeadLetterReason {
  return (DEAD_LETTER_REASONS as readonly string[]).includes(value);
}

function record(row: unknown): Readonly<Record<string, unknown>> {
  if (typeof row !== 'object' || row === null) throw new Error(`unexpected row ${String(row)} from SQLite`);
  return row as Record<string, unknown>;
}

function text(row: Readonly<Record<string, unknown>>, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw badRow(column, value);
  return value;
}

function num(row: Readonly<Record<string, unknown>>, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw badRow(column, value);
  return value;
}

function badRow(column: string, value: unknown): Error {
  return new Error(`unexpected ${column} ${JSON.stringify(value) ?? String(value)} in a row from SQLite`);
}
