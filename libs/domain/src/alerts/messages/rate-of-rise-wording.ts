import type { KindWording, WordingContext } from './kind-wording';
import { metres, trimmed } from './quantities';

/** A level rising fast: 60分钟内水位上涨 0.45 m（每小时 0.45 m），超过上涨限值 0.30 m。 */
export function rateOfRiseWording(context: WordingContext): KindWording {
  const { details, locale, breached } = context;
  const rise = details.number('rise');
  const minutes = details.number('windowMinutes');
  const perHour = details.number('ratePerHour');
  const limit = details.number('limit');
  if (rise === undefined || minutes === undefined) return { sentences: [] };
  const window = trimmed(minutes, 1);
  if (locale === 'en') {
    const rate = perHour === undefined ? '' : ` (${metres(perHour)} m/h)`;
    const verb = rise >= 0 ? 'rose' : 'fell';
    const against = limit === undefined ? '' : breached ? `, above the ${metres(limit)} m limit` : ` (limit ${metres(limit)} m)`;
    return { sentences: [`Level ${verb} ${metres(Math.abs(rise))} m in ${window} min${rate}${against}.`] };
  }
  const rate = perHour === undefined ? '' : `（每小时 ${metres(perHour)} m）`;
  const verb = rise >= 0 ? '上涨' : '下降';
  const against = limit === undefined ? '' : breached ? `，超过上涨限值 ${metres(limit)} m` : `（限值 ${metres(limit)} m）`;
  return { sentences: [`${window}分钟内水位${verb} ${metres(Math.abs(rise))} m${rate}${against}。`] };
}
