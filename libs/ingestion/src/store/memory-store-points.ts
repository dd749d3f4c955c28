import type { Arrival, Reading } from '@hydro/domain';
import type { ArrivalQuery, ReadingQuery, SeriesPoint, StoredDeadLetter, TelemetryBatch, TimeRange } from './reading-store';

// How MemoryReadingStore sees, checks, names and sums the points it keeps: plain functions, so the store reads as its contract.

/** One point of a batch, as a refusal rule sees it. */
export type BatchPoint =
  | { readonly kind: 'reading'; readonly point: Reading }
  | { readonly kind: 'arrival'; readonly point: Arrival }
  | { readonly kind: 'deadLetter'; readonly point: StoredDeadLetter };

export function pointsOf(batch: TelemetryBatch): BatchPoint[] {
  return [
    ...batch.readings.map((point): BatchPoint => ({ kind: 'reading', point })),
    ...batch.arrivals.map((point): BatchPoint => ({ kind: 'arrival', point })),
    ...batch.deadLetters.map((point): BatchPoint => ({ kind: 'deadLetter', point })),
  ];
}

/** What no store can keep faithfully: times that are not whole epoch ms, values that are not finite numbers. */
export function invalid(each: BatchPoint): string | undefined {
  switch (each.kind) {
    case 'reading':
      if (!Number.isSafeInteger(each.point.observedAt)) return `observedAt ${each.point.observedAt} is not integer epoch ms`;
      return Number.isFinite(each.point.value) ? undefined : `value ${each.point.value} is not a finite number`;
    case 'arrival':
      if (!Number.isSafeInteger(each.point.observedAt)) return `observedAt ${each.point.observedAt} is not integer epoch ms`;
      return Number.isSafeInteger(each.point.receivedAt) ? undefined : `receivedAt ${each.point.receivedAt} is not integer epoch ms`;
    case 'deadLetter':
      if (!Number.isSafeInteger(each.point.serial)) return `serial ${each.point.serial} is not an integer`;
      return Number.isSafeInteger(each.point.receivedAt) ? undefined : `receivedAt ${each.point.receivedAt} is not integer epoch ms`;
  }
}

export function readingIdentity(reading: Reading): string {
  return JSON.stringify([reading.stationId, reading.element, reading.observedAt]);
}

export function arrivalIdentity(arrival: Arrival): string {
  return JSON.stringify([arrival.stationId, arrival.channel, arrival.observedAt]);
}

export function matches(query: ReadingQuery | ArrivalQuery, stationId: string, time: number): boolean {
  return (query.stationId === undefined || query.stationId === stationId) && inRange(query, time);
}

/** Bounds are integer epoch ms, as the store port says. */
export function checkRange(range: Partial<TimeRange>): void {
  for (const [name, bound] of [['from', range.from], ['to', range.to]] as const) {
    if (bound !== undefined && !Number.isSafeInteger(bound)) throw new RangeError(`query ${name} must be integer epoch ms, got ${bound}`);
  }
}

/** `from` inclusive, `to` exclusive. */
export function inRange(range: Partial<TimeRange>, time: number): boolean {
  return (range.from === undefined || time >= range.from) && (range.to === undefined || time < range.to);
}

/** One series point over `members` (in time order, at least one), starting at `time`. */
export function bucketOf(time: number, members: readonly Reading[]): SeriesPoint {
  const values = members.map((r) => r.value);
  const sum = values.reduce((total, value) => total + value, 0);
  return {
    time,
    mean: sum / values.length,
    min: values.reduce((least, value) => Math.min(least, value)),
    max: values.reduce((most, value) => Math.max(most, value)),
    sum,
    count: values.length,
    suspect: members.filter((r) => r.quality === 'suspect').length,
  };
}

/** Code-unit order, as SQLite's BINARY collation sorts our ASCII ids. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
