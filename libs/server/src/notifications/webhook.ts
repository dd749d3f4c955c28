import { type AlertEvent, type AlertKind, type Severity } from '@hydro/domain';
import type { MessageLocale } from '@hydro/domain/alerts/messages';

/** One receiver of alert transitions, as config/notifications.json declares it (validated). */
export interface Webhook {
  /** Names the webhook in logs and metrics; the URL never appears there (it may carry a token). */
  readonly id: string;
  readonly url: string;
  /** Colours that make an alert concern this webhook. */
  readonly severities: readonly Severity[];
  /** Kinds it wants: listed as `kinds`, or every kind of its `audience`. */
  readonly kinds: readonly AlertKind[];
  /** The language it prefers (the payload carries both). */
  readonly locale: MessageLocale;
  /** Signs each delivery (HMAC-SHA256) when set. */
  readonly secret?: string;
}

/** Whether a transition at its own severity is for this webhook, before any alert is followed. */
export function webhookWants(webhook: Webhook, event: Pick<AlertEvent, 'kind' | 'severity'>): boolean {
  return webhook.kinds.includes(event.kind) && webhook.severities.includes(event.severity);
}
