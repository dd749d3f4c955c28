import type { MqttClient } from 'mqtt';
import { epochMs } from './stats';

export interface OutgoingMessage {
  /** Position in the whole workload (all publisher processes together). */
  readonly index: number;
  readonly topic: string;
  readonly payload: Buffer;
}

export interface PublishOptions {
  /** QoS 1 publishes awaiting their PUBACK, per connection. */
  readonly window: number;
  /** Messages per second for all of this process's connections together; unset: as fast as the window allows. */
  readonly ratePerSecond?: number;
  /** Called with the wall-clock time of the publish call of every message whose index is a multiple of `sampleEvery`. */
  readonly sampleEvery: number;
  readonly onSample: (index: number, publishedAt: number) => void;
}

export interface PublishResult {
  readonly published: number;
  readonly failed: number;
  /** Wall clock (epoch ms) of the first publish call and of the last PUBACK. */
  readonly firstPublishAt: number;
  readonly lastAckAt: number;
  /** Per message: publish call → PUBACK callback, ms (includes waiting in the client's window and the broker's queueing). */
  readonly ackLatencyMs: Float64Array;
}

/**
 * QoS 1 publishing that keeps `window` publishes in flight on each connection, refilling a slot
 * as soon as its PUBACK arrives. Callback style (not one promise per message) to keep the
 * publisher's own CPU cost low: it shares the machine with the broker and the system under test.
 */
export function publishWindowed(clients: readonly MqttClient[], messages: readonly OutgoingMessage[], options: PublishOptions): Promise<PublishResult> {
  const latencies = new Float64Array(messages.length);
  const inFlight = clients.map(() => 0);
  let next = 0;
  let acked = 0;
  let failed = 0;
  let firstPublishAt = Number.NaN;
  let lastAckAt = Number.NaN;
  const startedAt = performance.now();
  const allowed = (): number =>
    options.ratePerSecond === undefined ? messages.length : Math.min(messages.length, Math.floor(((performance.now() - startedAt) * options.ratePerSecond) / 1000) + 1);

  return new Promise((resolve) => {
    let pacer: NodeJS.Timeout | undefined;
    const finish = (): void => {
      clearInterval(pacer);
      resolve({ published: acked, failed, firstPublishAt, lastAckAt, ackLatencyMs: latencies });
    };
    const pump = (c: number): void => {
      const client = clients[c] as MqttClient;
      const limit = allowed();
      while ((inFlight[c] as number) < options.window && next < limit) {
        const position = next++;
        const message = messages[position] as OutgoingMessage;
        const t0 = performance.now();
        if (position === 0) firstPublishAt = epochMs();
        if (message.index % options.sampleEvery === 0) options.onSample(message.index, epochMs());
        inFlight[c] = (inFlight[c] as number) + 1;
        client.publish(message.topic, message.payload, { qos: 1 }, (error) => {
          latencies[position] = performance.now() - t0;
          inFlight[c] = (inFlight[c] as number) - 1;
          if (error) failed += 1;
          acked += 1;
          if (acked === messages.length) {
            lastAckAt = epochMs();
            finish();
            return;
          }
          pump(c);
        });
      }
    };
    if (messages.length === 0) {
      finish();
      return;
    }
    if (options.ratePerSecond !== undefined) pacer = setInterval(() => clients.forEach((_, c) => pump(c)), 5);
    clients.forEach((_, c) => pump(c));
  });
}
