import type { EquipmentAlertKind } from '../alert-kind';
import { formatBeijing } from '../../time/beijing-time';
import { channelWord, elementWord } from './alert-words';
import { capitalised, type KindWording, listed, type WordingContext } from './kind-wording';
import { fixed, trimmed } from './quantities';
import { spokenDuration } from './spoken-duration';

/**
 * Faults of the network for maintainers, worded from the numbers in the details (see
 * equipmentConditions). The details' `reason` is English text: it is the fallback when the numbers
 * are missing, and the Chinese wording quotes it for a stuck sensor, where numbers alone say too little.
 */
export function equipmentWording(kind: EquipmentAlertKind, context: WordingContext): KindWording {
  const sentence = (context.breached ? FAULTS[kind] : RECOVERIES[kind])(context) ?? reasonSentence(context);
  return { sentences: sentence === undefined ? [] : [sentence] };
}

type Sentence = (context: WordingContext) => string | undefined;

const FAULTS: Readonly<Record<EquipmentAlertKind, Sentence>> = {
  station_offline: ({ details, locale, observedAt }) => {
    if (details.flag('neverReported') === true) return locale === 'en' ? 'Never reported on any channel.' : '该站从未上报。';
    const last = details.time('lastReceivedAt');
    if (last === undefined) return undefined;
    const silent = spokenDuration(observedAt - last, locale);
    return locale === 'en'
      ? `No report on any channel for ${silent} (last received ${formatBeijing(last)}).`
      : `所有信道已${silent}无上报（最后接收 ${formatBeijing(last)}）。`;
  },
  channel_down: ({ details, locale, observedAt }) => {
    const channel = details.text('channel');
    if (channel === undefined) return undefined;
    const name = channelWord(channel, locale);
    const last = details.number('lastReceivedAt');
    if (locale === 'en') {
      const silent = last === undefined ? `Nothing ever received over ${name}` : `No report over ${name} for ${spokenDuration(observedAt - last, locale)}`;
      return `${silent}; the station reports over its other channel.`;
    }
    const silent = last === undefined ? `${name}信道从未收到报文` : `${name}信道已${spokenDuration(observedAt - last, locale)}无上报`;
    return `${silent}，测站经另一信道上报。`;
  },
  battery_low: ({ details, locale }) => {
    const volts = details.number('latestVolts');
    if (volts === undefined) return undefined;
    const trend = details.number('trendVoltsPerHour');
    const low = details.flag('low') === true;
    const falling = details.flag('falling') === true && trend !== undefined;
    if (locale === 'en') {
      return `Battery ${trimmed(volts, 2)} V${low ? ', low' : ''}${falling ? `, falling ${fixed(Math.abs(trend), 3)} V/h` : ''}.`;
    }
    return `蓄电池电压 ${trimmed(volts, 2)} V${low ? '，偏低' : ''}${falling ? `，每小时下降 ${fixed(Math.abs(trend), 3)} V` : ''}。`;
  },
  stuck_sensor: ({ details, locale }) => {
    const elements = (details.text('elements') ?? '').split(',').filter((e) => e !== '');
    const reason = details.text('reason');
    if (locale === 'en') return reason === undefined ? undefined : `${capitalised(reason)}.`;
    const what = elements.length > 0 ? listed(elements.map((e) => elementWord(e, locale)), locale) : '';
    return `${what}传感器读数长时间不变${reason === undefined ? '' : `（${reason}）`}。`;
  },
  clock_drift: ({ details, locale }) => {
    const median = details.number('medianMs');
    if (median === undefined) return undefined;
    const samples = details.number('samples');
    const by = spokenDuration(median, locale);
    if (locale === 'en') {
      const side = median > 0 ? 'behind (or its reports delayed)' : 'ahead';
      return `Station clock about ${by} ${side}${samples === undefined ? '' : `, from ${trimmed(samples, 0)} cellular messages`}.`;
    }
    const side = median > 0 ? `慢约${by}（或报文延迟）` : `快约${by}`;
    return `测站时钟${side}${samples === undefined ? '' : `，依据 ${trimmed(samples, 0)} 条移动网络报文`}。`;
  },
};

const RECOVERIES: Readonly<Record<EquipmentAlertKind, Sentence>> = {
  station_offline: ({ locale }) => (locale === 'en' ? 'Reporting again.' : '已恢复上报。'),
  channel_down: ({ details, locale }) => {
    const channel = details.text('channel');
    const name = channel === undefined ? undefined : channelWord(channel, locale);
    if (locale === 'en') return `${name === undefined ? 'The channel' : `The ${name} channel`} is reporting again.`;
    return `${name === undefined ? '' : name}信道已恢复上报。`;
  },
  battery_low: ({ details, locale }) => {
    const volts = details.number('latestVolts');
    const reading = volts === undefined ? '' : locale === 'en' ? `Battery ${trimmed(volts, 2)} V, ` : `蓄电池电压 ${trimmed(volts, 2)} V，`;
    return locale === 'en' ? `${reading}${reading === '' ? 'B' : 'b'}ack to normal.` : `${reading}已恢复正常。`;
  },
  stuck_sensor: ({ locale }) => (locale === 'en' ? 'Readings vary again.' : '读数已恢复变化。'),
  clock_drift: ({ locale }) => (locale === 'en' ? 'Clock within limits again.' : '时钟偏差已回到限值内。'),
};

function reasonSentence({ details, locale }: WordingContext): string | undefined {
  const reason = details.text('reason');
  if (reason === undefined) return undefined;
  return locale === 'en' ? `${capitalised(reason)}.` : `详情：${reason}。`;
}
