import mqtt, { type MqttClient } from 'mqtt';
import { onParentMessage, toParent } from './child-link';
import { publishWindowed, type OutgoingMessage } from './windowed-publisher';
import { type WorkloadSpec, workloadMessages } from './workload';

/**
 * A publisher process: builds the workload, keeps the messages that are its share
 * (index mod `parts` = `part`), connects, says "ready", publishes on "go", and sends back
 * per-message PUBACK latencies. Sampled publish times stream to the parent as they happen.
 */
export interface PublisherSpec {
  readonly url: string;
  readonly clientId: string;
  readonly workload: WorkloadSpec;
  readonly part: number;
  readonly parts: number;
  readonly connections: number;
  readonly window: number;
  readonly sampleEvery: number;
  readonly ratePerSecond?: number;
}

let clients: MqttClient[] = [];
let spec: PublisherSpec | undefined;
let messages: OutgoingMessage[] = [];
let disconnects = 0;

onParentMessage(async (message) => {
  switch (message.type) {
    case 'start': {
      spec = message['spec'] as PublisherSpec;
      const { part, parts } = spec;
      messages = workloadMessages(spec.workload)
        .map((m, index) => ({ index, topic: m.topic, payload: m.payload }))
        .filter((m) => m.index % parts === part);
      clients = await Promise.all(
        Array.from({ length: spec.connections }, (_, c) =>
          mqtt.connectAsync(spec!.url, { clientId: `${spec!.clientId}-${c}`, clean: true, protocolVersion: 5, reconnectPeriod: 1000, keepalive: 60 }),
        ),
      );
      for (const client of clients) client.on('offline', () => (disconnects += 1));
      toParent({ type: 'ready', messages: messages.length });
      break;
    }
    case 'go': {
      if (!spec) throw new Error('"go" before "start"');
      const result = await publishWindowed(clients, messages, {
        window: spec.window,
        sampleEvery: spec.sampleEvery,
        ...(spec.ratePerSecond === undefined ? {} : { ratePerSecond: spec.ratePerSecond / spec.parts }),
        onSample: (index, publishedAt) => toParent({ type: 'sample', index, publishedAt }),
      });
      toParent({ type: 'done', ...result, disconnects });
      break;
    }
    case 'exit':
      await Promise.all(clients.map((client) => client.endAsync()));
      process.disconnect?.();
      break;
    default:
      throw new Error(`unknown message ${message.type}`);
  }
});
