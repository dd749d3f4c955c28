import type { Alert, AlertEvent } from '@hydro/domain';
import { type AlertMessage, alertMessage, type MessageLocale, type StationNames } from '@hydro/domain/alerts/messages';

/** The JSON body POSTed for one transition. */
export interface WebhookPayload {
  /** Position in the `alerts` stream: increases by transition; a receiver drops what it has seen (retries may repeat). */
  readonly seq: number;
  readonly event: AlertEvent;
  /** The alert as it stood when the transition was announced; absent once the centre no longer holds it. */
  readonly alert?: Alert;
  /** The webhook's preferred language: the key of `message` to show. */
  readonly locale: MessageLocale;
  readonly message: Readonly<Record<MessageLocale, AlertMessage>>;
}

/** The parts every webhook shares for one transition; only `locale` differs between them. */
export type SharedPayload = Omit<WebhookPayload, 'locale'>;

export function sharedPayload(seq: number, event: AlertEvent, alert: Alert | undefined, names: StationNames | undefined): SharedPayload {
  const options = { names };
  return {
    seq,
    event,
    ...(alert === undefined ? {} : { alert }),
    message: { 'zh-CN': alertMessage(event, 'zh-CN', options), en: alertMessage(event, 'en', options) },
  };
}

/** The body as sent: key order fixed (seq, event, alert, locale, message) so signatures are easy to check by eye. */
export function webhookBody(shared: SharedPayload, locale: MessageLocale): string {
  const payload: WebhookPayload = { seq: shared.seq, event: shared.event, ...(shared.alert === undefined ? {} : { alert: shared.alert }), locale, message: shared.message };
  return JSON.stringify(payload);
}
