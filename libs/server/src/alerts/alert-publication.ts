import type { Log, MqttOutbox } from '@hydro/ingestion';
import type { Subscription } from 'rxjs';
import type { AlertDesk } from './alert-desk';
import { alertTopic } from './alert-topic';

/**
 * Publishes every durable alert transition with QoS 1 on its alert topic, for SMS gateways and
 * provincial platforms. Publishing never holds up evaluation: the outbox queues while the broker is away.
 */
export class AlertPublication {
  private subscription: Subscription | undefined;
  private failures = 0;

  constructor(
    private readonly desk: AlertDesk,
    private readonly outbox: MqttOutbox,
    private readonly log: Log,
  ) {}

  start(): void {
    this.outbox.start();
    this.subscription = this.desk.durable$.subscribe(({ seq, event }) => {
      this.outbox.publish(alertTopic(event), JSON.stringify({ seq, ...event })).catch((error: unknown) => {
        this.failures += 1;
        this.log.warn(`alert ${event.alertId} (${event.type}) not published: ${(error as Error).message}`, 'AlertPublication');
      });
    });
  }

  get failed(): number {
    return this.failures;
  }

  async stop(): Promise<void> {
    this.subscription?.unsubscribe();
    await this.outbox.stop();
  }
}
