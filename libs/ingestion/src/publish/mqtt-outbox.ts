import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Log } from '../log';

export interface MqttOutboxOptions {
  readonly url: string;
  readonly clientId: string;
  readonly username?: string;
  readonly password?: string;
  readonly reconnectMs?: number;
}

/**
 * A QoS 1 publishing connection for what the centre tells other systems (alert transitions). It
 * connects in the background and never blocks its caller: while the broker is away, mqtt.js keeps
 * the messages in its outgoing queue and sends them, in order, once it is back.
 * MQTT 3.1.1, which both the embedded broker and Mosquitto speak.
 */
export class MqttOutbox {
  private client: MqttClient | undefined;
  private warnedOffline = false;
  private stopping = false;

  constructor(
    private readonly options: MqttOutboxOptions,
    private readonly log: Log,
  ) {}

  get description(): string {
    return this.options.url.replace(/\/\/[^@/]*@/, '//***@');
  }

  get connected(): boolean {
    return this.client?.connected ?? false;
  }

  start(): void {
    const options: IClientOptions = {
      clientId: this.options.clientId,
      clean: true,
      protocolVersion: 4,
      reconnectPeriod: this.options.reconnectMs ?? 1_000,
      connectTimeout: 10_000,
      ...(this.options.username === undefined ? {} : { username: this.options.username }),
      ...(this.options.password === undefined ? {} : { password: this.options.password }),
    };
    const client = mqtt.connect(this.options.url, options);
    client.on('connect', () => {
      this.warnedOffline = false;
      this.log.log(`publishing to ${this.description}`, 'MqttOutbox');
    });
    client.on('offline', () => {
      if (this.warnedOffline || this.stopping) return;
      this.warnedOffline = true;
      this.log.warn(`broker ${this.description} unreachable; messages wait in the outgoing queue`, 'MqttOutbox');
    });
    client.on('error', (error) => this.log.warn(`broker ${this.description}: ${error.message}`, 'MqttOutbox'));
    this.client = client;
  }

  /** Resolves on the broker's PUBACK; never rejects for a broker that is merely away. */
  publish(topic: string, payload: string): Promise<void> {
    const client = this.client;
    if (client === undefined) return Promise.reject(new Error('the outbox was not started'));
    return new Promise((resolve, reject) => {
      client.publish(topic, payload, { qos: 1 }, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Waits (bounded) for outstanding PUBACKs, then closes. */
  async stop(graceMs = 5_000): Promise<void> {
    const client = this.client;
    if (client === undefined) return;
    this.stopping = true;
    const timer = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([client.endAsync(false).catch(() => undefined), timer]);
    await client.endAsync(true).catch(() => undefined);
  }
}
