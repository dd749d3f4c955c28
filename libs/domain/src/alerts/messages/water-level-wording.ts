import type { KindWording, WordingContext } from './kind-wording';
import type { MessageLocale } from './message-locale';
import { metres } from './quantities';
import { thresholdWord } from './threshold-names';

/**
 * A gauge against its named levels: 水位 4.35 m，超过警戒水位 4.20 m（超 0.15 m）。 `falling` rules
 * (a plain network drained too low) read as "below". Exactly at the level reads 达到 / `at`.
 */
export function waterLevelWording(context: WordingContext): KindWording {
  const { details, locale, breached } = context;
  const value = details.number('value');
  const level = details.number('level');
  const falling = details.text('direction') === 'falling';
  const threshold = thresholdWord(details.text('thresholdCode'), details.text('thresholdName'), locale);
  const label = breached && threshold !== undefined ? labelOf(threshold, falling, locale) : undefined;
  const sentences: string[] = [];
  if (value !== undefined) {
    const against = level === undefined || threshold === undefined ? undefined : { level, threshold };
    sentences.push(locale === 'en' ? englishSentence(value, against, falling, breached) : chineseSentence(value, against, falling, breached));
  }
  return { ...(label === undefined ? {} : { label }), sentences };
}

interface Against {
  readonly level: number;
  readonly threshold: string;
}

function labelOf(threshold: string, falling: boolean, locale: MessageLocale): string {
  if (locale === 'en') return `${falling ? 'Below' : 'Above'} ${threshold}`;
  return `${falling ? '低于' : '超'}${threshold}`;
}

function chineseSentence(value: number, against: Against | undefined, falling: boolean, breached: boolean): string {
  if (against === undefined) return `水位 ${metres(value)} m。`;
  const { level, threshold } = against;
  if (!breached) return `水位 ${metres(value)} m（${threshold} ${metres(level)} m）。`;
  const margin = metres(Math.abs(value - level));
  if (Number(margin) === 0) return `水位 ${metres(value)} m，达到${threshold}。`;
  return falling ? `水位 ${metres(value)} m，低于${threshold} ${metres(level)} m（低 ${margin} m）。` : `水位 ${metres(value)} m，超过${threshold} ${metres(level)} m（超 ${margin} m）。`;
}

function englishSentence(value: number, against: Against | undefined, falling: boolean, breached: boolean): string {
  if (against === undefined) return `Level ${metres(value)} m.`;
  const { level, threshold } = against;
  if (!breached) return `Level ${metres(value)} m (${threshold} ${metres(level)} m).`;
  const margin = metres(Math.abs(value - level));
  if (Number(margin) === 0) return `Level ${metres(value)} m, at the ${threshold}.`;
  return `Level ${metres(value)} m, ${margin} m ${falling ? 'below' : 'above'} the ${threshold} (${metres(level)} m).`;
}
