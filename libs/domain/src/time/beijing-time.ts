import { HOUR_MS } from './durations';

/**
 * The bureau keeps Beijing time (Asia/Shanghai): UTC+8 all year, China has had no daylight saving since
 * 1991, so a fixed offset is exact for every date the network has existed and no time-zone database is needed.
 */
export const BEIJING_OFFSET_MS = 8 * HOUR_MS;

/** `2023-09-21 08:00`: how duty rosters and the bureau's reports write a time. */
export function formatBeijing(at: number): string {
  const iso = beijingWallClock(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** `2023-09-21T08:00:00+08:00` (milliseconds only when there are any): for APIs and files read by machines. */
export function formatBeijingIso(at: number): string {
  const iso = beijingWallClock(at);
  const seconds = iso.slice(0, 19);
  const millis = iso.slice(20, 23);
  return `${millis === '000' ? seconds : `${seconds}.${millis}`}+08:00`;
}

/** Whether formatBeijing can write the instant: Date holds ±8.64e15 ms, and Beijing time is 8 h on. */
export function isWritableTime(at: number): boolean {
  return Number.isFinite(at) && Math.abs(at + BEIJING_OFFSET_MS) <= MAX_DATE_MS;
}

const MAX_DATE_MS = 8.64e15;

/** The Beijing wall-clock reading as `YYYY-MM-DDTHH:mm:ss.sssZ` text (the `Z` is not meaningful). */
function beijingWallClock(at: number): string {
  if (!Number.isFinite(at)) throw new RangeError(`Not a time: ${at}`);
  return new Date(at + BEIJING_OFFSET_MS).toISOString();
}
