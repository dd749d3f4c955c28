import type { DetailsReader } from './details-reader';
import { type KindWording, listed, stationName, type WordingContext } from './kind-wording';
import { metres, signed, trimmed } from './quantities';

/**
 * The venue's river network against its band, for dispatch: the worst gauge, how far it is beyond
 * (or still inside) the nearest limit, the trend, when it will leave the band, and every gauge.
 */
export function venueBandWording(context: WordingContext): KindWording {
  const { details, locale, breached } = context;
  const state = details.text('state');
  const min = details.number('min');
  const max = details.number('max');
  const value = details.number('value');
  const worst = details.text('worstStationId');
  const outside = state === 'outside';
  const label = breached && state !== undefined ? labelOf(outside, locale) : undefined;
  const sentences: string[] = [];
  if (value !== undefined && min !== undefined && max !== undefined) {
    const where = worst === undefined ? undefined : stationName(worst, context);
    sentences.push(positionSentence({ value, min, max, distance: details.number('distance'), where, trend: details.number('trendCmPerHour'), leavesIn: details.number('leavesInMinutes') }, context));
  }
  const gauges = gaugeList(details, context);
  if (gauges.length > 0) sentences.push(locale === 'en' ? `Gauges: ${listed(gauges, locale)}.` : `各站：${listed(gauges, locale)}。`);
  const window = details.text('window');
  if (window !== undefined) sentences.push(locale === 'en' ? `Window: ${window}.` : `时段：${window}。`);
  return { ...(label === undefined ? {} : { label }), sentences };
}

interface Position {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  /** Metres beyond the nearest limit: positive outside, negative inside. */
  readonly distance: number | undefined;
  readonly where: string | undefined;
  readonly trend: number | undefined;
  readonly leavesIn: number | undefined;
}

function labelOf(outside: boolean, locale: 'zh-CN' | 'en'): string {
  if (locale === 'en') return outside ? 'Venue level outside band' : 'Venue level near band limit';
  return outside ? '场馆水位 超出控制区间' : '场馆水位 接近控制界限';
}

function positionSentence(position: Position, context: WordingContext): string {
  const { value, min, max, where, trend, leavesIn } = position;
  // The nearer limit; the evaluator's distance is kept when it gives one, else worked out here.
  const upper = value >= (min + max) / 2;
  const limit = upper ? max : min;
  const distance = position.distance ?? (upper ? value - max : min - value);
  const band = `${metres(min)}–${metres(max)} m`;
  const trendText = trend === undefined ? undefined : signed(trend, 1);
  const leaving = leavesIn === undefined || !context.breached ? undefined : trimmed(Math.max(0, Math.round(leavesIn)), 0);
  if (context.locale === 'en') {
    const side = upper ? 'upper' : 'lower';
    const relation = distance > 0 ? `${metres(distance)} m ${upper ? 'above' : 'below'} the ${side} limit ${metres(limit)} m` : `${metres(-distance)} m inside the ${side} limit ${metres(limit)} m`;
    const parts = [`Level ${metres(value)} m${where === undefined ? '' : ` at ${where}`}, ${relation} (band ${band})`];
    if (trendText !== undefined) parts.push(`trend ${trendText} cm/h`);
    if (leaving !== undefined) parts.push(`will leave the band in ~${leaving} min`);
    return `${parts.join('; ')}.`;
  }
  const side = upper ? '上限' : '下限';
  const relation = distance > 0 ? `${upper ? '高于' : '低于'}控制${side} ${metres(limit)} m ${metres(distance)} m` : `距控制${side} ${metres(limit)} m 尚余 ${metres(-distance)} m`;
  const parts = [`${where === undefined ? '' : `${where} `}水位 ${metres(value)} m，${relation}（控制区间 ${band}）`];
  if (trendText !== undefined) parts.push(`趋势 ${trendText} cm/h`);
  if (leaving !== undefined) parts.push(`约 ${leaving} 分钟后超出区间`);
  return `${parts.join('；')}。`;
}

function gaugeList(details: DetailsReader, context: WordingContext): string[] {
  const gauges: string[] = [];
  for (const gauge of details.records('gauges')) {
    const id = gauge.text('stationId');
    const value = gauge.number('value');
    if (id !== undefined) gauges.push(value === undefined ? stationName(id, context) : `${stationName(id, context)} ${metres(value)} m`);
  }
  return gauges;
}
