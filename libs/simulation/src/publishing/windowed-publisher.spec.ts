import type { SimulatedMessage } from '../scenario';
import { laneOf, WindowedPublisher, type PublishClient } from './windowed-publisher';

/** A client that holds each publish until the test acknowledges (or fails) it. */
class HeldClient implements PublishClient {
  readonly held: { topic: string; qos: number; callback: (error?: Error) => void }[] = [];
  publish(topic: string, _message: string, options: { qos: 1 }, callback: (error?: Error) => void): void {
    this.held.push({ topic, qos: options.qos, callback });
  }
  ackAll(): void {
    for (const { callback } of this.held.splice(0)) callback();
  }
}

const message = (stationId: string, n: number): SimulatedMessage => ({
  topic: `hydro/v1/telemetry/${stationId}`,
  payload: `{"n":${n}}`,
  channel: 'cellular',
  dueAt: n,
  stationId,
});

describe('WindowedPublisher', () => {
  it('keeps at most `window` publishes in flight per connection and refills on PUBACK', async () => {
    const client = new HeldClient();
    const publisher = new WindowedPublisher([client], 3);
    for (let n = 0; n < 7; n++) publisher.enqueue(message('70500747', n));
    expect(client.held).toHaveLength(3);
    expect(client.held.every((h) => h.qos === 1)).toBe(true);
    expect(publisher.counts()).toEqual({ queued: 4, inFlight: 3, published: 3, acknowledged: 0, failed: 0 });
    client.ackAll();
    expect(publisher.counts()).toMatchObject({ queued: 1, inFlight: 3, acknowledged: 3 });
    client.ackAll();
    client.held[0]!.callback(new Error('connection lost'));
    client.held.splice(0, 1);
    const idle = publisher.idle();
    expect(publisher.counts()).toEqual({ queued: 0, inFlight: 0, published: 7, acknowledged: 6, failed: 1 });
    await expect(idle).resolves.toBeUndefined();
  });

  it('keeps one station on one connection, in order', () => {
    const clients = [new HeldClient(), new HeldClient(), new HeldClient()];
    const publisher = new WindowedPublisher(clients, 100);
    for (let n = 0; n < 5; n++) publisher.enqueue(message('70500747', n));
    const lane = clients[laneOf('70500747', 3)]!;
    expect(lane.held).toHaveLength(5);
    expect(clients.reduce((sum, c) => sum + c.held.length, 0)).toBe(5);
  });

  it('drops what is still queued', async () => {
    const client = new HeldClient();
    const publisher = new WindowedPublisher([client], 1);
    for (let n = 0; n < 4; n++) publisher.enqueue(message('70500747', n));
    expect(publisher.dropQueued()).toBe(3);
    const idle = publisher.idle();
    client.ackAll();
    await idle;
    expect(publisher.counts()).toEqual({ queued: 0, inFlight: 0, published: 1, acknowledged: 1, failed: 0 });
  });
});
