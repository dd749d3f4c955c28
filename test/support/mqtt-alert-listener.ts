import type { AlertEvent } from '@hydro/domain';
import mqtt, { type MqttClient } from 'mqtt';

/** One alert transition as published on `hydro/v1/alerts/{severity}/{kind}/{subjectId}`. */
export interface PublishedAlert {
  readonly topic: string;
  readonly body: AlertEvent & { readonly seq: number };
  /** The connection it came over (1 for the first, 2 after a reconnect…). */
  readonly connection: number;
}

/**
 * A subscriber to every alert topic, like an SMS gateway: QoS 1, reconnecting (and resubscribing)
 * when the broker goes away, e.g. the centre's embedded broker across a restart.
 */
export class MqttAlertListener {
  readonly received: PublishedAlert[] = [];
  private connections = 0;

  private constructor(private readonly client: MqttClient) {
    client.on('connect', () => (this.connections += 1));
    client.on('message', (topic, payload) => {
      this.received.push({ topic, body: JSON.parse(payload.toString('utf8')) as PublishedAlert['body'], connection: this.connections });
    });
  }

  static async subscribe(url: string, clientId: string): Promise<MqttAlertListener> {
    const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 4, reconnectPeriod: 500 });
    const listener = new MqttAlertListener(client);
    // The first 'connect' fired before the handler was attached.
    listener.connections = 1;
    await client.subscribeAsync('hydro/v1/alerts/#', { qos: 1 });
    return listener;
  }

  get connected(): boolean {
    return this.client.connected;
  }

  /** How many times it has connected so far. */
  get connectionCount(): number {
    return this.connections;
  }

  async close(): Promise<void> {
    await this.client.endAsync(true);
  }
}
