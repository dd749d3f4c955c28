import { describeDuration } from '../../health/describe-duration';
import type { MessageLocale } from './message-locale';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 h 30 min" or "2小时30分钟": the two largest units, as people say a duration. */
export function spokenDuration(ms: number, locale: MessageLocale): string {
  return locale === 'en' ? describeDuration(ms) : chineseDuration(ms);
}

function chineseDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < MINUTE) return `${Math.round(abs / SECOND)}秒`;
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分钟` : `${hours}小时`;
  return `${minutes}分钟`;
}
