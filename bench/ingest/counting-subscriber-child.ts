import mqtt, { type MqttClient } from 'mqtt';
import { TELEMETRY_TOPIC_FILTER } from '@hydro/domain';
import { onParentMessage, toParent } from './child-link';
import { epochMs } from './stats';

/**
 * Ceiling A's consumer: a QoS 1 subscriber on a persistent session, like the ingestor's
 * (clean: false, session expiry, receive maximum 1,000), that does nothing but count:
 * handleMessage calls back at once, so mqtt.js sends each PUBACK straight away.
 */
let client: MqttClient | undefined;

onParentMessage(async (message) => {
  switch (message.type) {
    case 'start': {
      const expected = message['expected'] as number;
      let received = 0;
      let firstAt = Number.NaN;
      const connected = await mqtt.connectAsync(message['url'] as string, {
        clientId: message['clientId'] as string,
        clean: false,
        protocolVersion: 5,
        properties: { sessionExpiryInterval: 3600, receiveMaximum: 1000 },
        reconnectPeriod: 1000,
      });
      client = connected;
      connected.handleMessage = (_packet, callback) => {
        received += 1;
        if (received === 1) firstAt = epochMs();
        if (received === expected) toParent({ type: 'done', received, firstAt, lastAt: epochMs() });
        callback();
      };
      await connected.subscribeAsync(TELEMETRY_TOPIC_FILTER, { qos: 1 });
      toParent({ type: 'ready' });
      break;
    }
    case 'exit':
      await client?.endAsync();
      process.disconnect?.();
      break;
    default:
      throw new Error(`unknown message ${message.type}`);
  }
});
