import type { DetailsReader } from './details-reader';
import { type KindWording, listed, stationName, type WordingContext } from './kind-wording';
import type { MessageLocale } from './message-locale';
import { millimetres, trimmed } from './quantities';

const LEVELS: Readonly<Record<'prepare' | 'evacuate', Readonly<Record<MessageLocale, { readonly label: string; readonly threshold: string }>>>> = {
  prepare: { 'zh-CN': { label: '准备转移', threshold: '准备转移阈值' }, en: { label: 'prepare to evacuate', threshold: 'prepare-to-evacuate threshold' } },
  evacuate: { 'zh-CN': { label: '立即转移', threshold: '立即转移阈值' }, en: { label: 'evacuate now', threshold: 'evacuate-now threshold' } },
};

/**
 * A village's flash-flood warning, for the people who must move others: the rainfall against its
 * critical rainfall, at which gauge (or areal), whether gauges were silent, how many people live in
 * the risk zone and whom to call. 3小时雨量 112.5 mm，超过立即转移阈值 100 mm（岩坦站）。
 */
export function mountainTorrentWording(context: WordingContext): KindWording {
  const { details, locale } = context;
  const levelName = details.text('level');
  const level = levelName === 'prepare' || levelName === 'evacuate' ? LEVELS[levelName][locale] : undefined;
  const label = level === undefined || !context.breached ? undefined : locale === 'en' ? `Flash flood — ${level.label}` : `山洪 ${level.label}`;
  const sentences = [rainfallSentence(details, level?.threshold, context), silentSentence(details, context), peopleSentence(details, locale), contactSentence(details, locale)];
  return { ...(label === undefined ? {} : { label }), sentences: sentences.filter((s): s is string => s !== undefined) };
}

function rainfallSentence(details: DetailsReader, thresholdName: string | undefined, context: WordingContext): string | undefined {
  const hours = details.number('windowHours');
  const rainfall = details.number('rainfall');
  if (hours === undefined || rainfall === undefined) return undefined;
  const threshold = details.number('threshold');
  const gaugeId = details.text('gaugeId');
  const gauge = gaugeId === undefined ? undefined : stationName(gaugeId, context);
  const areal = details.text('aggregation') === 'mean';
  const window = trimmed(hours, 2);
  if (context.locale === 'en') {
    const where = gauge !== undefined ? ` at ${gauge} gauge` : areal ? ' (areal mean of the gauges)' : '';
    const against = threshold === undefined ? '' : context.breached ? `, above the ${millimetres(threshold)} mm ${thresholdName ?? 'threshold'}` : `; ${thresholdName ?? 'threshold'} ${millimetres(threshold)} mm`;
    return `${millimetres(rainfall)} mm of rain in ${window} h${where}${against}.`;
  }
  const where = gauge !== undefined ? `（${gauge}）` : areal ? '（面平均）' : '';
  const amount = `${window}小时${areal && gauge === undefined ? '面' : ''}雨量 ${millimetres(rainfall)} mm`;
  if (threshold === undefined) return `${amount}${where}。`;
  const limit = `${thresholdName ?? '阈值'} ${millimetres(threshold)} mm`;
  return context.breached ? `${amount}，超过${limit}${where}。` : `${amount}${where}，${limit}。`;
}

/** A silent gauge may hide the wettest rain: say so, since the total can only be higher. */
function silentSentence(details: DetailsReader, context: WordingContext): string | undefined {
  const silent = details.texts('silentGauges').map((id) => stationName(id, context));
  if (details.flag('incomplete') !== true && silent.length === 0) return undefined;
  if (context.locale === 'en') return `Incomplete: ${silent.length > 0 ? `no data from ${listed(silent, 'en')}` : 'a gauge was silent'}; the real rainfall may be higher.`;
  return `数据不完整：${silent.length > 0 ? `${listed(silent, 'zh-CN')}无数据` : '部分雨量站无数据'}，实际雨量可能更大。`;
}

function peopleSentence(details: DetailsReader, locale: MessageLocale): string | undefined {
  const population = details.number('population');
  if (population === undefined) return undefined;
  const count = trimmed(population, 0);
  if (locale === 'en') return `${count} ${population === 1 ? 'person' : 'people'} in the risk zone.`;
  return `危险区 ${count} 人。`;
}

/** 请联系：镇 张三 +86 …；村 李四 …。 Town contacts first: they order the evacuation. */
function contactSentence(details: DetailsReader, locale: MessageLocale): string | undefined {
  const groups = details.record('contacts');
  const entries: string[] = [];
  for (const [group, zh] of [['town', '镇'], ['village', '村']] as const) {
    for (const contact of groups?.records(group) ?? []) {
      const name = contact.text('name');
      const phone = contact.text('phone');
      if (name === undefined && phone === undefined) continue;
      entries.push([locale === 'en' ? group : zh, name, phone].filter((part) => part !== undefined).join(' '));
    }
  }
  if (entries.length === 0) return undefined;
  return locale === 'en' ? `Call: ${entries.join('; ')}.` : `请联系：${entries.join('；')}。`;
}
