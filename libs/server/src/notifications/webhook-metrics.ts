import { Counter, Gauge, type Registry } from 'prom-client';

/** How one POST ended: a 2xx, another status, no answer in time, or no connection at all. */
export type AttemptOutcome = 'delivered' | 'http_error' | 'timeout' | 'network_error';
/** Why a transition never reached a webhook: its queue overflowed, it was refused (4xx), retries ran out, or the centre stopped. */
export type DropReason = 'overflow' | 'rejected' | 'gave_up' | 'shutdown';

/** What deliveries report, for Prometheus or for nothing. */
export interface WebhookDeliveryCounts {
  attempted(webhookId: string, outcome: AttemptOutcome): void;
  dropped(webhookId: string, reason: DropReason, count?: number): void;
}

export const UNCOUNTED: WebhookDeliveryCounts = { attempted: () => undefined, dropped: () => undefined };

/** `hydro_webhook_attempts_total`, `hydro_webhook_dropped_total` and `hydro_webhook_queue_depth`, by webhook id. */
export function prometheusWebhookCounts(registry: Registry, depths: () => ReadonlyMap<string, number>): WebhookDeliveryCounts {
  const registers = [registry];
  const attempts = new Counter({ name: 'hydro_webhook_attempts_total', help: 'Webhook delivery attempts by webhook and outcome', labelNames: ['webhook', 'outcome'] as const, registers });
  const dropped = new Counter({ name: 'hydro_webhook_dropped_total', help: 'Alert transitions never delivered to a webhook, by reason', labelNames: ['webhook', 'reason'] as const, registers });
  new Gauge({
    name: 'hydro_webhook_queue_depth',
    help: 'Transitions waiting for delivery, by webhook',
    labelNames: ['webhook'] as const,
    registers,
    collect() {
      for (const [webhook, depth] of depths()) this.set({ webhook }, depth);
    },
  });
  return {
    attempted: (webhook, outcome) => attempts.inc({ webhook, outcome }),
    dropped: (webhook, reason, count = 1) => dropped.inc({ webhook, reason }, count),
  };
}
