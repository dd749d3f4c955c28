import { formatBeijing } from '../../time/beijing-time';
import type { AlertKind } from '../alert-kind';
import { alertPlace } from './alert-place';
import { type AlertSource, isAlertEvent, observedAtOf } from './alert-view';
import { colourWord, kindWord } from './alert-words';
import { DetailsReader } from './details-reader';
import { equipmentWording } from './equipment-wording';
import type { KindWording, WordingContext } from './kind-wording';
import type { MessageLocale, StationNames } from './message-locale';
import { mountainTorrentWording } from './mountain-torrent-wording';
import { rateOfRiseWording } from './rate-of-rise-wording';
import { transitionWording } from './transition-wording';
import { venueBandWording } from './venue-band-wording';
import { waterLevelWording } from './water-level-wording';

/** An alert worded for a person: the title alone fits a pager line or a CAP headline. */
export interface AlertMessage {
  /** `【山洪 立即转移·红色】永嘉县岩坦镇溪口村` / `[Flash flood — evacuate now, red (I)] 溪口村, 岩坦镇, Yongjia`. */
  readonly title: string;
  /** What was measured against what, when, who is at risk and whom to call, then the transition. */
  readonly body: string;
}

export interface AlertMessageOptions {
  /** Station names from the registry; without it, stations read as their codes. */
  readonly names?: StationNames;
}

/**
 * Words an alert, or one of its transitions, for duty forecasters, dispatchers and maintainers, from
 * its kind, severity, subject and details. Times are Beijing time. Pure: the same input gives the same text.
 */
export function alertMessage(source: AlertSource, locale: MessageLocale, options: AlertMessageOptions = {}): AlertMessage {
  const names = options.names ?? (() => undefined);
  const observedAt = observedAtOf(source);
  // Durations in the details (silent for 3 h) count to the observation, or to the transition's own time.
  const judgedAt = observedAt ?? (isAlertEvent(source) ? source.at : source.lastObservedAt);
  const context: WordingContext = { details: new DetailsReader(source.details), locale, breached: source.state !== 'resolved', observedAt: judgedAt, names };
  const wording = kindWordingOf(source.kind, context);
  const transition = transitionWording(source, locale);
  const label = wording.label ?? kindWord(source.kind, locale);
  const place = alertPlace(source, locale, names);
  const observed = observedAt === undefined ? undefined : locale === 'en' ? `Observed ${formatBeijing(observedAt)} Beijing time.` : `观测时间 ${formatBeijing(observedAt)}。`;
  // The measurement first, then when, then people and contacts (already in the wording), then the transition.
  const [measurement, ...rest] = wording.sentences;
  const sentences = [measurement, observed, ...rest, transition.sentence].filter((s): s is string => s !== undefined);
  if (locale === 'en') {
    const tag = [label, colourWord(source.severity, locale), transition.tag].filter((s) => s !== undefined).join(', ');
    return { title: `[${tag}] ${place}`, body: sentences.join(' ') };
  }
  const tag = [`${label}·${colourWord(source.severity, locale)}`, transition.tag].filter((s) => s !== undefined).join('·');
  return { title: `【${tag}】${place}`, body: sentences.join('') };
}

/** Title and body as one line, for SMS and chat: `【…】永嘉县岩坦镇溪口村：3小时雨量 …`. */
export function messageLine(message: AlertMessage, locale: MessageLocale): string {
  return `${message.title}${locale === 'en' ? ': ' : '：'}${message.body}`;
}

function kindWordingOf(kind: AlertKind, context: WordingContext): KindWording {
  switch (kind) {
    case 'water_level':
      return waterLevelWording(context);
    case 'rate_of_rise':
      return rateOfRiseWording(context);
    case 'venue_band':
      return venueBandWording(context);
    case 'mountain_torrent':
      return mountainTorrentWording(context);
    case 'station_offline':
    case 'channel_down':
    case 'battery_low':
    case 'stuck_sensor':
    case 'clock_drift':
      return equipmentWording(kind, context);
  }
}
