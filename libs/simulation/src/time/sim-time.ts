/** Simulated time is epoch milliseconds, passed in; nothing here reads a clock. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** Beijing time (Asia/Shanghai): UTC+8 all year, no daylight saving. */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

const DAY_MS = 24 * HOUR_MS;
/** The date part of the last day formatted: a million reports a run share a few days. */
let cachedDay = Number.NaN;
let cachedDate = '';

/** `2023-09-21T10:05:00+08:00`: what an RTU stamps its reports with (whole seconds). */
export function formatBeijing(epochMs: number): string {
  const local = epochMs + BEIJING_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  if (day !== cachedDay) {
    cachedDate = new Date(day * DAY_MS).toISOString().slice(0, 11);
    cachedDay = day;
  }
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  return `${cachedDate}${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}+08:00`;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** Hours since local (Beijing) midnight, 0 ≤ h < 24. */
export function beijingHourOfDay(epochMs: number): number {
  const ms = (epochMs + BEIJING_OFFSET_MS) % (24 * HOUR_MS);
  return (ms < 0 ? ms + 24 * HOUR_MS : ms) / HOUR_MS;
}

/**
 * Timed-report instants of a station in [from, to): multiples of its interval counted from
 * Beijing midnight, so 5-minute RTUs report at :00, :05, … and hourly ones on the hour.
 */
export function reportTimes(intervalMinutes: number, from: number, to: number): number[] {
  const step = intervalMinutes * MINUTE_MS;
  const first = Math.ceil((from + BEIJING_OFFSET_MS) / step) * step - BEIJING_OFFSET_MS;
  const times: number[] = [];
  for (let t = first; t < to; t += step) times.push(t);
  return times;
}

/** The first report instant at or after t. */
export function nextReportTime(intervalMinutes: number, t: number): number {
  const step = intervalMinutes * MINUTE_MS;
  return Math.ceil((t + BEIJING_OFFSET_MS) / step) * step - BEIJING_OFFSET_MS;
}
