import type { SimulatedMessage } from '../scenario';

/** What the publisher needs of an MQTT client (mqtt.js MqttClient fits). */
export interface PublishClient {
  publish(topic: string, message: string, options: { qos: 1 }, callback: (error?: Error) => void): unknown;
}

export interface PublisherCounts {
  /** Waiting to be handed to a connection. */
  readonly queued: number;
  /** Handed to a connection, PUBACK not yet received. */
  readonly inFlight: number;
  readonly published: number;
  /** PUBACK received: the broker has the message. */
  readonly acknowledged: number;
  /** The client reported an error instead of a PUBACK. */
  readonly failed: number;
}

interface Lane {
  readonly client: PublishClient;
  readonly queue: SimulatedMessage[];
  head: number;
  inFlight: number;
}

/**
 * QoS 1 publishing over several connections with at most `window` publishes awaiting their
 * PUBACK on each. A station always uses the same connection, so its reports stay in order.
 * Callback style (not one promise per message) to keep the publisher's own CPU cost low.
 */
export class WindowedPublisher {
  private readonly lanes: Lane[];
  private published = 0;
  private acknowledged = 0;
  private failed = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    clients: readonly PublishClient[],
    private readonly window: number,
  ) {
    if (clients.length === 0) throw new Error('WindowedPublisher: no connections');
    this.lanes = clients.map((client) => ({ client, queue: [], head: 0, inFlight: 0 }));
  }

  enqueue(message: SimulatedMessage): void {
    const lane = this.lanes[laneOf(message.stationId, this.lanes.length)] as Lane;
    lane.queue.push(message);
    this.pumpLane(lane);
  }

  counts(): PublisherCounts {
    let queued = 0;
    let inFlight = 0;
    for (const lane of this.lanes) {
      queued += lane.queue.length - lane.head;
      inFlight += lane.inFlight;
    }
    return { queued, inFlight, published: this.published, acknowledged: this.acknowledged, failed: this.failed };
  }

  /** Forgets every message not yet handed to a connection; returns how many. */
  dropQueued(): number {
    let dropped = 0;
    for (const lane of this.lanes) {
      dropped += lane.queue.length - lane.head;
      lane.queue.length = 0;
      lane.head = 0;
    }
    this.notifyIfIdle();
    return dropped;
  }

  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      this.notifyIfIdle();
    });
  }

  private pumpLane(lane: Lane): void {
    while (lane.inFlight < this.window && lane.head < lane.queue.length) {
      const message = lane.queue[lane.head++] as SimulatedMessage;
      lane.inFlight += 1;
      this.published += 1;
      lane.client.publish(message.topic, message.payload, { qos: 1 }, (error) => {
        lane.inFlight -= 1;
        if (error) this.failed += 1;
        else this.acknowledged += 1;
        this.pumpLane(lane);
        this.notifyIfIdle();
      });
    }
    if (lane.head > 4096 && lane.head * 2 > lane.queue.length) {
      lane.queue.splice(0, lane.head);
      lane.head = 0;
    }
  }

  private notifyIfIdle(): void {
    const { queued, inFlight } = this.counts();
    if (queued > 0 || inFlight > 0 || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

/** A station's connection: FNV-1a of its id, modulo the number of connections. */
export function laneOf(stationId: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < stationId.length; i++) h = Math.imul(h ^ stationId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}
