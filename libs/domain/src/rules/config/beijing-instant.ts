import { parseInstant } from '../../time/parse-time-input';

/** Rule files write times as Beijing wall-clock time with its offset, as the bureau's plans do. */
const BEIJING_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\+08:00$/;
export const BEIJING_INSTANT_EXAMPLE = '2023-10-04T08:00:00+08:00';

/** Epoch ms of `2023-10-04T08:00:00+08:00`; undefined for anything else (another offset, no offset, not a real time). */
export function parseBeijingInstant(text: unknown): number | undefined {
  if (typeof text !== 'string' || !BEIJING_INSTANT.test(text)) return undefined;
  try {
    return parseInstant(text, 'time');
  } catch {
    return undefined;
  }
}
