import { audienceOf, type AlertKind } from '../alert-kind';
import type { Severity } from '../severity';
import type { MessageLocale } from '../messages/message-locale';

/** The CAP 1.2 namespace: the root element's default namespace. */
export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';

export type CapMsgType = 'Alert' | 'Update' | 'Cancel';
export type CapSeverity = 'Extreme' | 'Severe' | 'Moderate' | 'Minor';
export type CapUrgency = 'Immediate' | 'Expected' | 'Past';
export type CapCategory = 'Met' | 'Infra';
export type CapResponseType = 'Evacuate' | 'Prepare' | 'Monitor' | 'Assess' | 'AllClear';

/** The four colours onto CAP's severity: red (I) is extreme, blue (IV) minor. */
export const CAP_SEVERITIES: Readonly<Record<Severity, CapSeverity>> = { red: 'Extreme', orange: 'Severe', yellow: 'Moderate', blue: 'Minor' };

/** RFC 3066 tags of the two languages an `<info>` is written in. */
export const CAP_LANGUAGES: Readonly<Record<MessageLocale, string>> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Rain and water are meteorological/hydrological (Met); faults of the network are infrastructure (Infra). */
export function capCategory(kind: AlertKind): CapCategory {
  return audienceOf(kind) === 'flood' ? 'Met' : 'Infra';
}

/** Act now for red and for evacuate-now; expected otherwise; past once the alert is cancelled. */
export function capUrgency(severity: Severity, torrentLevel: string | undefined, cancelled: boolean): CapUrgency {
  if (cancelled) return 'Past';
  return severity === 'red' || torrentLevel === 'evacuate' ? 'Immediate' : 'Expected';
}

/** What the public or the crews should do, in CAP's words. */
export function capResponseType(kind: AlertKind, torrentLevel: string | undefined, cancelled: boolean): CapResponseType {
  if (cancelled) return 'AllClear';
  if (kind === 'mountain_torrent' && torrentLevel === 'evacuate') return 'Evacuate';
  if (kind === 'mountain_torrent' && torrentLevel === 'prepare') return 'Prepare';
  return audienceOf(kind) === 'flood' ? 'Monitor' : 'Assess';
}
