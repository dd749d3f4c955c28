import { formatBeijingIso } from '../../time/beijing-time';

/**
 * `2024-09-15T08:30:20+08:00`: CAP's dateTime, in Beijing time. CAP 1.2 allows neither `Z` nor
 * fractional seconds, so the milliseconds are cut (floored, so a message is never dated after it was made).
 */
export function capDateTime(at: number): string {
  return formatBeijingIso(Math.floor(at / 1000) * 1000);
}
