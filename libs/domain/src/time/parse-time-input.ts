import { formatBeijing } from './beijing-time';
import { DAY_MS } from './durations';
import { hydrologicalDay, type HydrologicalDay } from './hydrological-day';
import { TimeInputError } from './time-input.error';
import type { TimeRange } from './time-range';

/** An offset is required: a bare local time is ambiguous between the centre, the RTUs and the user. */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})$/;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const INSTANT_EXAMPLE = '2023-09-21T08:00:00+08:00';
const DATE_EXAMPLE = '2023-09-21';

export interface TimeRangeInput {
  readonly from?: string;
  readonly to?: string;
}

export interface TimeRangeOptions {
  /** The longest range accepted, ms; a report over years would scan far more than anyone reads. */
  readonly maxLength: number;
  /** Request field names, for the error; default `from` and `to`. */
  readonly fields?: { readonly from: string; readonly to: string };
}

/** An ISO 8601 instant with a UTC offset (`Z` or `±hh:mm`), to epoch ms. */
export function parseInstant(text: string, field: string): number {
  const match = INSTANT.exec(text.trim());
  const at = match ? Date.parse(text.trim()) : Number.NaN;
  if (!match || Number.isNaN(at) || !realDate(match) || Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6] ?? 0) > 59) {
    throw new TimeInputError(
      field,
      'malformed',
      `${field}: "${clip(text)}" is not an ISO 8601 time with a UTC offset; send e.g. ${INSTANT_EXAMPLE}`,
    );
  }
  return at;
}

/** A plain `YYYY-MM-DD` date as the hydrological day starting 08:00 Beijing time on that date. */
export function parseHydrologicalDay(text: string, field: string): HydrologicalDay {
  const match = PLAIN_DATE.exec(text.trim());
  if (!match || !realDate(match)) {
    throw new TimeInputError(field, 'malformed', `${field}: "${clip(text)}" is not a date; send YYYY-MM-DD, e.g. ${DATE_EXAMPLE}`);
  }
  return hydrologicalDay(text.trim());
}

/**
 * A half-open range [from, to) from request text. Each end is an ISO instant with offset, or a plain date
 * naming a hydrological day: as `from` its start, as `to` its END, so `from=2023-09-01&to=2023-09-30`
 * is the whole of September's thirty hydrological days, and from and to on the same date is that one day.
 */
export function parseTimeRange(input: TimeRangeInput, options: TimeRangeOptions): TimeRange {
  const fields = options.fields ?? { from: 'from', to: 'to' };
  const from = parseEnd(input.from, fields.from, 'start');
  const to = parseEnd(input.to, fields.to, 'end');
  if (from >= to) {
    throw new TimeInputError(
      fields.to,
      'empty-range',
      `${fields.to} (${formatBeijing(to)} Beijing time) must be after ${fields.from} (${formatBeijing(from)}); swap them or widen the range`,
    );
  }
  if (to - from > options.maxLength) {
    throw new TimeInputError(
      fields.to,
      'range-too-long',
      `The range ${formatBeijing(from)} to ${formatBeijing(to)} is longer than ${describeLength(options.maxLength)}; ask for a shorter range`,
    );
  }
  return { from, to };
}

function parseEnd(text: string | undefined, field: string, end: 'start' | 'end'): number {
  if (text === undefined || text.trim() === '') {
    throw new TimeInputError(field, 'missing', `${field} is required: send ${DATE_EXAMPLE} (a hydrological day) or ${INSTANT_EXAMPLE}`);
  }
  if (PLAIN_DATE.test(text.trim())) {
    const day = parseHydrologicalDay(text, field);
    return end === 'start' ? day.from : day.to;
  }
  return parseInstant(text, field);
}

function realDate(match: RegExpExecArray): boolean {
  const [year, month, day] = [1, 2, 3].map((i) => Number(match[i])) as [number, number, number];
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function describeLength(ms: number): string {
  if (ms % DAY_MS === 0) return ms === DAY_MS ? '1 day' : `${ms / DAY_MS} days`;
  return `${Math.round(ms / 60_000)} minutes`;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
