import type { Alert, AlertEvent, Clock } from '@hydro/domain';
import type { StationNames } from '@hydro/domain/alerts/messages';
import type { Log } from '@hydro/ingestion';
import type { Registry } from 'prom-client';
import type { Observable, Subscription } from 'rxjs';
import type { StoredAlertEvent } from '../alerts/alert-desk';
import { type Webhook, webhookWants } from './webhook';
import { prometheusWebhookCounts, UNCOUNTED, type WebhookDeliveryCounts } from './webhook-metrics';
import { sharedPayload, webhookBody } from './webhook-payload';
import { DEFAULT_DELIVERY, type WebhookDeliveryOptions, WebhookQueue } from './webhook-queue';

export interface WebhookNotifierOptions {
  readonly clock: Clock;
  /** The alert as it stands (the desk's book), sent along with each transition. */
  readonly alertOf?: (alertId: string) => Alert | undefined;
  /** Station names for the messages. */
  readonly names?: StationNames;
  readonly delivery?: Partial<Omit<WebhookDeliveryOptions, 'clock'>>;
}

/** Alerts followed at once, beyond which the oldest is forgotten (it falls back to its peak severity). */
const MAX_FOLLOWED = 50_000;

/**
 * POSTs every durable alert transition to the webhooks that want it (config/notifications.json), as
 * JSON with both languages' messages, signed when the webhook has a secret. Each webhook has its own
 * ordered, bounded queue with retries (see WebhookQueue); nothing here ever holds up evaluation.
 *
 * A webhook wants a transition of a kind it lists at a colour it lists. Once it has been sent one
 * transition of an alert it follows that alert to the end, so a red-only receiver also hears the
 * de-escalation to orange and the resolution. After a restart it follows alerts whose peak colour it lists.
 */
export class WebhookNotifier {
  private readonly queues: readonly WebhookQueue[];
  /** Alert id → ids of the webhooks following it; dropped when the alert closes. */
  private readonly followers = new Map<string, Set<string>>();
  private subscription: Subscription | undefined;

  constructor(
    private readonly transitions: Observable<StoredAlertEvent>,
    webhooks: readonly Webhook[],
    private readonly options: WebhookNotifierOptions,
    private readonly log: Log,
    registry?: Registry,
  ) {
    const counts: WebhookDeliveryCounts = registry === undefined ? UNCOUNTED : prometheusWebhookCounts(registry, () => this.depths());
    const delivery: WebhookDeliveryOptions = { ...DEFAULT_DELIVERY, ...options.delivery, clock: options.clock };
    this.queues = webhooks.map((webhook) => new WebhookQueue(webhook, delivery, counts, log));
  }

  start(): void {
    if (this.subscription !== undefined) return;
    if (this.queues.length === 0) {
      this.log.log('no webhooks configured', 'WebhookNotifier');
      return;
    }
    this.log.log(`notifying ${this.queues.length} webhooks: ${this.queues.map((q) => q.webhook.id).join(', ')}`, 'WebhookNotifier');
    this.subscription = this.transitions.subscribe({ next: (stored) => this.notify(stored) });
  }

  /** Stops listening, gives the queues `graceMs` to drain, then abandons what is left (it stays in the alert log). */
  async stop(graceMs = 0): Promise<void> {
    this.subscription?.unsubscribe();
    await Promise.all(this.queues.map((queue) => queue.stop(graceMs)));
  }

  /** Transitions waiting per webhook id. */
  depths(): ReadonlyMap<string, number> {
    return new Map(this.queues.map((queue) => [queue.webhook.id, queue.depth]));
  }

  private notify({ seq, event }: StoredAlertEvent): void {
    // A throw here would reach rxjs's unhandled-error hook and take the process down: log it instead.
    try {
      const alert = this.options.alertOf?.(event.alertId);
      const targets = this.queues.filter((queue) => this.wants(queue.webhook, event, alert));
      if (event.type === 'closed') this.followers.delete(event.alertId);
      if (targets.length === 0) return;
      if (event.type !== 'closed') this.follow(event.alertId, targets);
      const shared = sharedPayload(seq, event, alert, this.options.names);
      for (const queue of targets) {
        queue.enqueue({ seq, alertId: event.alertId, eventType: event.type, body: webhookBody(shared, queue.webhook.locale) });
      }
    } catch (error: unknown) {
      this.log.error(`alert ${event.alertId} seq ${seq} (${event.type}) not sent to webhooks: ${(error as Error).message}`, 'WebhookNotifier');
    }
  }

  private wants(webhook: Webhook, event: AlertEvent, alert: Alert | undefined): boolean {
    if (!webhook.kinds.includes(event.kind)) return false;
    if (webhookWants(webhook, event)) return true;
    if (this.followers.get(event.alertId)?.has(webhook.id) === true) return true;
    return alert !== undefined && webhook.severities.includes(alert.peakSeverity);
  }

  private follow(alertId: string, targets: readonly WebhookQueue[]): void {
    let ids = this.followers.get(alertId);
    if (ids === undefined) {
      if (this.followers.size >= MAX_FOLLOWED) this.followers.delete(this.followers.keys().next().value!);
      ids = new Set();
      this.followers.set(alertId, ids);
    }
    for (const queue of targets) ids.add(queue.webhook.id);
  }
}
