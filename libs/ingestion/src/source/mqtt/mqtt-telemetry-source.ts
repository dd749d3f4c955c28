import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Log } from '../../log';
import type { TelemetrySink, TelemetrySource } from '../telemetry-source';
import { acknowledgeWhenDurable } from './acknowledge-when-durable';
import type { MqttSourceOptions } from './mqtt-source-options';

const SUBSCRIBE_FAILURE_CODES = new Set([0x80, 0x83, 0x87, 0x8f, 0x91, 0x97, 0x9e, 0xa1, 0xa2]);

/**
 * Consumes station reports with QoS 1 on persistent MQTT 5 sessions. A message is
 * acknowledged (PUBACK) only when the sink says it is durable: mqtt.js sends the PUBACK
 * when `handleMessage` calls back. While the spool is full the connections are closed
 * without unsubscribing, so the broker holds the backlog, and reopened when there is room.
 */
export class MqttTelemetrySource implements TelemetrySource {
  private clients: MqttClient[] = [];
  private readonly pendingStart = new Map<MqttClient, { resolve: () => void; reject: (error: Error) => void }>();
  private paused = false;
  private stopped = false;
  private resumeTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly options: MqttSourceOptions,
    private readonly log: Log,
  ) {}

  get description(): string {
    const subscription = this.subscription;
    return `${redact(this.options.url)} as ${this.options.clientId} (${this.connectionCount} connection(s), ${subscription})`;
  }

  get consuming(): boolean {
    return !this.paused && this.clients.length > 0 && this.clients.every((c) => c.connected);
  }

  private get connectionCount(): number {
    return this.options.sharedGroup === '' ? 1 : this.options.connections;
  }

  private get subscription(): string {
    const { sharedGroup, topicFilter } = this.options;
    return sharedGroup === '' ? topicFilter : `$share/${sharedGroup}/${topicFilter}`;
  }

  async start(sink: TelemetrySink): Promise<void> {
    this.stopped = false;
    const ids = Array.from({ length: this.connectionCount }, (_, i) =>
      this.connectionCount === 1 ? this.options.clientId : `${this.options.clientId}-${i}`,
    );
    this.clients = ids.map((id) => this.createClient(id, sink));
    const subscribed = this.clients.map((client) => this.firstSubscription(client));
    for (const client of this.clients) client.connect();
    await Promise.all(subscribed);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.resumeTimer);
    // end(false) lets in-flight acknowledgements go out; no UNSUBSCRIBE, so the session keeps queueing.
    await Promise.all(this.clients.map((client) => client.endAsync(false)));
  }

  private createClient(clientId: string, sink: TelemetrySink): MqttClient {
    const o = this.options;
    const clientOptions: IClientOptions = {
      clientId,
      clean: false,
      protocolVersion: 5,
      // MQTT 5 ends a session at disconnect unless it has an expiry interval. The receive maximum
      // is how many messages may wait for durability at once: the group-commit size.
      properties: { sessionExpiryInterval: o.sessionExpirySeconds, receiveMaximum: o.inFlight },
      keepalive: o.keepaliveSeconds,
      reconnectPeriod: o.reconnectInitialMs,
      connectTimeout: 15_000,
      resubscribe: false,
      manualConnect: true,
      rejectUnauthorized: o.rejectUnauthorized,
      ...(o.username === undefined ? {} : { username: o.username }),
      ...(o.password === undefined ? {} : { password: o.password }),
      ...(o.ca === undefined ? {} : { ca: o.ca }),
      ...(o.cert === undefined ? {} : { cert: o.cert }),
      ...(o.key === undefined ? {} : { key: o.key }),
    };
    const client = mqtt.connect(o.url, clientOptions);
    // Set before connecting: redeliveries of a resumed session arrive right after the CONNACK.
    acknowledgeWhenDurable(
      client,
      (topic, payload) => sink.accept(topic, payload),
      (error) => this.pause(sink, `${clientId}: message not acknowledged, the broker keeps it: ${error.message}`),
    );
    client.on('connect', (connack) => {
      client.options.reconnectPeriod = o.reconnectInitialMs;
      this.log.log(`${clientId} connected to ${redact(o.url)} (session ${connack.sessionPresent ? 'resumed' : 'new'})`, 'MqttTelemetrySource');
      // On every connect, even when the session is present: Mosquitto 2.0 restores a persistent
      // session's plain subscriptions after a restart but not its shared ones.
      this.subscribe(client);
    });
    client.on('close', () => {
      // Exponential reconnect backoff; mqtt.js itself retries at a fixed period.
      client.options.reconnectPeriod = Math.min(o.reconnectMaxMs, (client.options.reconnectPeriod ?? o.reconnectInitialMs) * 2);
    });
    client.on('offline', () => {
      if (!this.stopped && !this.paused) this.log.warn(`${clientId} lost the broker; reconnecting`, 'MqttTelemetrySource');
    });
    client.on('error', (error) => this.log.warn(`${clientId}: ${error.message}`, 'MqttTelemetrySource'));
    return client;
  }

  /** Resolves at the client's first subscription; rejects if the broker refuses it. */
  private firstSubscription(client: MqttClient): Promise<void> {
    return new Promise((resolve, reject) => this.pendingStart.set(client, { resolve, reject }));
  }

  private subscribe(client: MqttClient): void {
    client.subscribe(this.subscription, { qos: 1 }, (error, granted) => {
      const pending = this.pendingStart.get(client);
      this.pendingStart.delete(client);
      const code = granted?.[0]?.qos;
      if (error || code === undefined || SUBSCRIBE_FAILURE_CODES.has(code)) {
        const why = error?.message ?? `reason code 0x${(code ?? 0x80).toString(16)}`;
        const hint =
          this.options.sharedGroup === ''
            ? ''
            : ' (shared subscriptions need an MQTT 5 broker; set MQTT_SHARED_GROUP to empty for a plain subscription)';
        const failure = new Error(`the broker refused the subscription to ${this.subscription}: ${why}${hint}`);
        this.log.error(failure.message, 'MqttTelemetrySource');
        pending?.reject(failure);
        return;
      }
      pending?.resolve();
    });
  }

  /** Closes every connection without unsubscribing, and reopens them once the sink has room. */
  private pause(sink: TelemetrySink, why: string): void {
    if (this.paused || this.stopped) return;
    this.paused = true;
    this.log.warn(`pausing consumption: ${why}`, 'MqttTelemetrySource');
    for (const client of this.clients) client.end(true);
    this.resumeTimer = setInterval(() => {
      if (!sink.hasRoom() || this.stopped) return;
      clearInterval(this.resumeTimer);
      this.paused = false;
      this.log.log('resuming consumption', 'MqttTelemetrySource');
      for (const client of this.clients) client.reconnect();
    }, 1000);
  }
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
