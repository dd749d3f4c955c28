import { DAY_MS } from './durations';
import type { TimeRange } from './time-range';

/**
 * A hydrological day: 08:00 to 08:00 Beijing time, which is 00:00 to 00:00 UTC (Beijing is UTC+8 with no
 * daylight saving). It is labelled by the Beijing date on which it starts, as daily rainfall is in the
 * bureau's reports: the day `2023-09-21` runs from 2023-09-21 08:00 to 2023-09-22 08:00 Beijing time, so
 * rain at 07:59 on the 22nd still counts on the 21st.
 */
export interface HydrologicalDay extends TimeRange {
  /** `YYYY-MM-DD`, the Beijing date of its start. */
  readonly label: string;
}

/** The hydrological day an instant falls in; its own start belongs to it, its end to the next day. */
export function hydrologicalDayOf(at: number): HydrologicalDay {
  if (!Number.isFinite(at)) throw new RangeError(`Not a time: ${at}`);
  return dayStartingAt(Math.floor(at / DAY_MS) * DAY_MS);
}

/**
 * The hydrological day with this label. The caller has checked the label is a real `YYYY-MM-DD` date
 * (see parseHydrologicalDay for user input).
 */
export function hydrologicalDay(label: string): HydrologicalDay {
  const start = Date.parse(`${label}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(label) || Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== label) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${label}`);
  }
  return dayStartingAt(start);
}

/** Every hydrological day that shares time with the range, in order; none for an empty range. */
export function hydrologicalDaysCovering(range: TimeRange): HydrologicalDay[] {
  const days: HydrologicalDay[] = [];
  if (!(range.from < range.to)) return days;
  for (let start = hydrologicalDayOf(range.from).from; start < range.to; start += DAY_MS) {
    days.push(dayStartingAt(start));
  }
  return days;
}

function dayStartingAt(start: number): HydrologicalDay {
  // 00:00 UTC is 08:00 Beijing on the same calendar date, so the UTC date of the start is the label.
  return { label: new Date(start).toISOString().slice(0, 10), from: start, to: start + DAY_MS };
}
