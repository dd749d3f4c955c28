import type { Alert } from '../alert';
import type { AlertEvent } from '../alert-event';
import { formatBeijing } from '../../time/beijing-time';
import { colourWord } from './alert-words';
import { type AlertSource, isAlertEvent } from './alert-view';
import type { MessageLocale } from './message-locale';

/** What a transition (or an alert's present state) adds to a message. */
export interface TransitionWording {
  /** A word for the title tag (升级, `resolved`); absent for a plain raise or an active alert. */
  readonly tag?: string;
  /** A closing sentence with who and when; absent when the tag says it all. */
  readonly sentence?: string;
}

/** For an event, the transition; for an alert, where it stands (acknowledged by whom, resolved, no data). */
export function transitionWording(source: AlertSource, locale: MessageLocale): TransitionWording {
  return isAlertEvent(source) ? eventWording(source, locale) : stateWording(source, locale);
}

function eventWording(event: AlertEvent, locale: MessageLocale): TransitionWording {
  const en = locale === 'en';
  const colour = colourWord(event.severity, locale);
  const previous = event.previousSeverity === undefined ? undefined : colourWord(event.previousSeverity, locale);
  switch (event.type) {
    case 'raised':
      return {};
    case 'escalated':
      return { tag: en ? 'escalated' : '升级', ...(previous === undefined ? {} : { sentence: en ? `Escalated from ${previous} to ${colour}.` : `由${previous}升级为${colour}。` }) };
    case 'deescalated':
      return { tag: en ? 'lowered' : '降级', ...(previous === undefined ? {} : { sentence: en ? `Lowered from ${previous} to ${colour}.` : `由${previous}降为${colour}。` }) };
    case 'acknowledged':
      return { tag: en ? 'acknowledged' : '已确认', sentence: acknowledgement(event.actor, event.at, event.note, locale) };
    case 'resolved':
      // The observation time that cleared it is the message's observed time already.
      return { tag: en ? 'resolved' : '解除', sentence: en ? 'Cleared.' : '已解除。' };
    case 'stale':
      return { tag: en ? 'no data' : '数据中断', sentence: silence(event.staleSince ?? event.at, locale) };
    case 'fresh':
      return { tag: en ? 'data back' : '数据恢复', sentence: en ? 'Data is arriving again.' : '数据已恢复。' };
    case 'renotified':
      return { tag: en ? 'reminder' : '再次提醒', sentence: en ? 'Nobody has acknowledged it yet.' : '至今无人确认。' };
    case 'closed':
      return { tag: en ? 'closed' : '关闭', sentence: en ? 'Resolved and acknowledged: closed.' : '已解除并确认，告警关闭。' };
  }
}

function stateWording(alert: Alert, locale: MessageLocale): TransitionWording {
  const en = locale === 'en';
  const sentences: string[] = [];
  if (alert.state === 'resolved') {
    const at = formatBeijing(alert.resolvedObservedAt ?? alert.lastObservedAt);
    sentences.push(en ? `Cleared as of ${at} Beijing time${alert.acknowledged ? '' : ', not yet acknowledged'}.` : `已于 ${at} 解除${alert.acknowledged ? '' : '，尚未确认'}。`);
  } else if (alert.staleSince !== undefined) {
    sentences.push(silence(alert.staleSince, locale));
  }
  if (alert.acknowledged && alert.acknowledgedBy !== undefined) {
    sentences.push(acknowledgement(alert.acknowledgedBy, alert.acknowledgedAt, alert.ackNote, locale));
  }
  const tag = alert.state === 'resolved' ? (alert.acknowledged ? (en ? 'closed' : '关闭') : en ? 'resolved' : '解除') : alert.acknowledged ? (en ? 'acknowledged' : '已确认') : undefined;
  return { ...(tag === undefined ? {} : { tag }), ...(sentences.length === 0 ? {} : { sentence: sentences.join(en ? ' ' : '') }) };
}

function acknowledgement(actor: string | undefined, at: number | undefined, note: string | undefined, locale: MessageLocale): string {
  const who = actor ?? (locale === 'en' ? 'someone' : '值班人员');
  const when = at === undefined ? '' : locale === 'en' ? ` at ${formatBeijing(at)}` : `（${formatBeijing(at)}）`;
  const said = note === undefined || note.trim() === '' ? '' : locale === 'en' ? `: ${note.trim()}` : `：${note.trim()}`;
  return locale === 'en' ? `Acknowledged by ${who}${when}${said}.` : `已由 ${who} 确认${when}${said}。`;
}

/** A gauge gone silent during a flood is news in itself: the condition may have changed unseen. */
function silence(since: number, locale: MessageLocale): string {
  return locale === 'en' ? `No data since ${formatBeijing(since)}: the condition may have changed unseen.` : `${formatBeijing(since)} 后无数据，实际情况可能已变化。`;
}
