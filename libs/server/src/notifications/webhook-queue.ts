import type { Clock } from '@hydro/domain';
import { type BackoffOptions, backoffDelay, type Log } from '@hydro/ingestion';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from './webhook-signature';
import type { Webhook } from './webhook';
import type { AttemptOutcome, WebhookDeliveryCounts } from './webhook-metrics';

/** One transition on its way to one webhook. */
export interface WebhookDelivery {
  readonly seq: number;
  readonly alertId: string;
  readonly eventType: string;
  readonly body: string;
}

export interface WebhookDeliveryOptions {
  /** Backoff between attempts (exponential, with jitter). */
  readonly retry: BackoffOptions;
  /** Attempts per transition before it is given up (and the queue moves on). */
  readonly maxAttempts: number;
  /** One attempt's limit, connection to last byte. */
  readonly timeoutMs: number;
  /** Transitions that may wait per webhook; beyond it the oldest waiting one is dropped. */
  readonly queueLimit: number;
  readonly clock: Clock;
  readonly random?: () => number;
}

export const DEFAULT_DELIVERY: Omit<WebhookDeliveryOptions, 'clock'> = {
  retry: { initialMs: 1_000, maxMs: 5 * 60_000 },
  maxAttempts: 10,
  timeoutMs: 10_000,
  queueLimit: 1_000,
};

type Verdict = 'delivered' | 'retry' | 'rejected' | 'stopped';

/**
 * The deliveries of one webhook, one at a time and in order: a transition is retried until it is
 * delivered, refused or out of attempts before the next one goes, so a receiver never sees "resolved"
 * before "raised". Enqueueing never waits: when the receiver is down long enough to fill the queue,
 * the oldest waiting transition is dropped (logged and counted), since the newest say where things stand.
 */
export class WebhookQueue {
  private readonly waiting: WebhookDelivery[] = [];
  /** The transition being delivered (or waiting out a backoff). */
  private current: WebhookDelivery | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private readonly abort = new AbortController();

  constructor(
    readonly webhook: Webhook,
    private readonly options: WebhookDeliveryOptions,
    private readonly counts: WebhookDeliveryCounts,
    private readonly log: Log,
  ) {}

  /** Transitions waiting, not counting the one being delivered. */
  get depth(): number {
    return this.waiting.length;
  }

  enqueue(delivery: WebhookDelivery): void {
    if (this.stopping) {
      this.counts.dropped(this.webhook.id, 'shutdown');
      return;
    }
    if (this.waiting.length >= this.options.queueLimit) {
      const lost = this.waiting.shift()!;
      this.counts.dropped(this.webhook.id, 'overflow');
      this.log.warn(`webhook ${this.webhook.id}: queue full (${this.options.queueLimit}), dropped alert ${lost.alertId} seq ${lost.seq} (${lost.eventType})`, 'WebhookNotifier');
    }
    this.waiting.push(delivery);
    this.running ??= this.drain();
  }

  /**
   * Takes nothing more, lets the queue drain for up to `graceMs`, then abandons the attempt in flight
   * and counts what is left as dropped at shutdown (the transitions stay in the alert log).
   */
  async stop(graceMs = 0): Promise<void> {
    this.stopping = true;
    const running = this.running;
    if (running !== undefined && graceMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    this.abort.abort();
    await this.running;
    const left = this.waiting.splice(0).length + (this.current === undefined ? 0 : 1);
    this.current = undefined;
    if (left > 0) {
      this.counts.dropped(this.webhook.id, 'shutdown', left);
      this.log.warn(`webhook ${this.webhook.id}: ${left} transitions not delivered at shutdown`, 'WebhookNotifier');
    }
  }

  private async drain(): Promise<void> {
    try {
      while (!this.abort.signal.aborted && this.waiting.length > 0) {
        this.current = this.waiting.shift()!;
        // Kept when abandoned, so that stop() counts it as left over.
        if (await this.deliver(this.current)) this.current = undefined;
      }
    } finally {
      // In the same turn as the loop's last check, so an enqueue right after starts a new drain.
      this.running = undefined;
    }
  }

  /** True once the transition is done with (delivered, refused or given up); false when abandoned at shutdown. */
  private async deliver(delivery: WebhookDelivery): Promise<boolean> {
    const { maxAttempts, retry, random } = this.options;
    for (let attempt = 1; ; attempt += 1) {
      const verdict = await this.attempt(delivery, attempt);
      if (verdict === 'delivered') return true;
      if (verdict === 'stopped') return false;
      if (verdict === 'rejected') {
        this.counts.dropped(this.webhook.id, 'rejected');
        return true;
      }
      if (attempt >= maxAttempts) {
        this.counts.dropped(this.webhook.id, 'gave_up');
        this.log.error(`webhook ${this.webhook.id}: gave up on alert ${delivery.alertId} seq ${delivery.seq} (${delivery.eventType}) after ${attempt} attempts`, 'WebhookNotifier');
        return true;
      }
      if (!(await this.pause(backoffDelay(attempt - 1, retry, random)))) return false;
    }
  }

  private async attempt(delivery: WebhookDelivery, attempt: number): Promise<Verdict> {
    const { webhook } = this;
    const started = performance.now();
    const timestamp = Math.floor(this.options.clock.now() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'wenzhou-hydro-webhooks/1',
      'x-hydro-delivery': `${webhook.id}-${delivery.seq}`,
      'x-hydro-attempt': String(attempt),
      [TIMESTAMP_HEADER]: String(timestamp),
    };
    if (webhook.secret !== undefined) headers[SIGNATURE_HEADER] = webhookSignature(webhook.secret, timestamp, delivery.body);
    const what = `webhook ${webhook.id}: alert ${delivery.alertId} seq ${delivery.seq} (${delivery.eventType}) attempt ${attempt}/${this.options.maxAttempts}`;
    const took = (): string => `${Math.round(performance.now() - started)} ms`;
    try {
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers,
        body: delivery.body,
        // Redirects are not followed: a POST with its signature must not wander to another host.
        redirect: 'manual',
        signal: AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), this.abort.signal]),
      });
      await response.body?.cancel().catch(() => undefined);
      const verdict = verdictOf(response.status);
      this.count(verdict === 'delivered' ? 'delivered' : 'http_error');
      const line = `${what}: HTTP ${response.status} in ${took()}${verdict === 'rejected' ? ', refused: not retried' : ''}`;
      if (verdict === 'delivered') this.log.log(line, 'WebhookNotifier');
      else this.log.warn(line, 'WebhookNotifier');
      return verdict;
    } catch (error: unknown) {
      const name = errorName(error);
      if (this.abort.signal.aborted) {
        this.log.warn(`${what}: abandoned at shutdown after ${took()}`, 'WebhookNotifier');
        return 'stopped';
      }
      const timedOut = name === 'TimeoutError';
      this.count(timedOut ? 'timeout' : 'network_error');
      this.log.warn(`${what}: ${timedOut ? `no answer within ${this.options.timeoutMs} ms` : `failed: ${errorText(error)}`} in ${took()}`, 'WebhookNotifier');
      return 'retry';
    }
  }

  private count(outcome: AttemptOutcome): void {
    this.counts.attempted(this.webhook.id, outcome);
  }

  /** Resolves true after `ms`, false at once when the queue is stopped meanwhile. */
  private pause(ms: number): Promise<boolean> {
    const { signal } = this.abort;
    if (signal.aborted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = (): void => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** 2xx delivered; 408, 425, 429 and 5xx are worth another try; any other status will not change by retrying. */
function verdictOf(status: number): Verdict {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

function errorName(error: unknown): string | undefined {
  const name: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'name') : undefined;
  return typeof name === 'string' ? name : undefined;
}

/** fetch's own message is "fetch failed": the cause says what (ECONNREFUSED, a reset socket…). */
function errorText(error: unknown): string {
  const message: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  const cause: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'cause') : undefined;
  const causeText: unknown = typeof cause === 'object' && cause !== null ? (Reflect.get(cause, 'code') ?? Reflect.get(cause, 'message')) : undefined;
  return [message, causeText].filter((part): part is string => typeof part === 'string').join(': ') || String(error);
}
