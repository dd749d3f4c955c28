import { type AlertKind, audienceOf } from '../alert-kind';
import { SEVERITY_NUMERALS, type Severity } from '../severity';
import { type Element, isElement } from '../../telemetry/element';
import type { MessageLocale } from './message-locale';

/** Keyed by severity and kind so that a new one without its words fails to compile. */
const COLOURS_ZH: Readonly<Record<Severity, string>> = { blue: '蓝色', yellow: '黄色', orange: '橙色', red: '红色' };

/** 红色 / `red (I)`: the colour as warnings are issued, with its level numeral in English. */
export function colourWord(severity: Severity, locale: MessageLocale): string {
  return locale === 'en' ? `${severity} (${SEVERITY_NUMERALS[severity]})` : COLOURS_ZH[severity];
}

const KIND_WORDS: Readonly<Record<AlertKind, Readonly<Record<MessageLocale, string>>>> = {
  water_level: { 'zh-CN': '水位', en: 'Water level' },
  rate_of_rise: { 'zh-CN': '水位陡涨', en: 'Rapid rise' },
  venue_band: { 'zh-CN': '场馆水位', en: 'Venue water level' },
  mountain_torrent: { 'zh-CN': '山洪', en: 'Flash flood' },
  station_offline: { 'zh-CN': '测站离线', en: 'Station offline' },
  channel_down: { 'zh-CN': '信道中断', en: 'Channel down' },
  battery_low: { 'zh-CN': '电池电压低', en: 'Low battery' },
  stuck_sensor: { 'zh-CN': '传感器卡滞', en: 'Stuck sensor' },
  clock_drift: { 'zh-CN': '时钟偏差', en: 'Clock drift' },
};

/** 山洪 / `Flash flood`: what the alert is about, as the first word of its title. */
export function kindWord(kind: AlertKind, locale: MessageLocale): string {
  return KIND_WORDS[kind][locale];
}

/** `Flash flood warning` / 山洪预警; equipment faults read as faults, not warnings. */
export function eventWord(kind: AlertKind, locale: MessageLocale): string {
  if (audienceOf(kind) === 'equipment') return locale === 'en' ? `Equipment fault: ${KIND_WORDS[kind].en.toLowerCase()}` : `设备故障：${KIND_WORDS[kind]['zh-CN']}`;
  return locale === 'en' ? `${KIND_WORDS[kind].en} warning` : `${KIND_WORDS[kind]['zh-CN']}预警`;
}

/** The telemetry channels as maintainers call them. */
export function channelWord(channel: string, locale: MessageLocale): string {
  if (channel === 'beidou') return locale === 'en' ? 'BeiDou' : '北斗卫星';
  if (channel === 'cellular') return locale === 'en' ? 'cellular' : '移动网络';
  return channel;
}

const ELEMENT_WORDS: Readonly<Record<Element, Readonly<Record<MessageLocale, string>>>> = {
  water_level: { 'zh-CN': '水位', en: 'water level' },
  rainfall: { 'zh-CN': '雨量', en: 'rainfall' },
  flow: { 'zh-CN': '流量', en: 'flow' },
  battery_voltage: { 'zh-CN': '电压', en: 'battery voltage' },
};

/** The measured elements, for sensor faults; an unknown name reads as itself. */
export function elementWord(element: string, locale: MessageLocale): string {
  return isElement(element) ? ELEMENT_WORDS[element][locale] : element;
}
