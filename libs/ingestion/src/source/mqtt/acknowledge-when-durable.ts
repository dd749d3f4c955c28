import type { IPublishPacket, MqttClient, Packet } from 'mqtt';

type SendPacket = (packet: Packet, cb?: (error?: Error) => void, ...rest: unknown[]) => void;
interface WithSendPacket {
  _sendPacket: SendPacket;
}

/**
 * Makes a client acknowledge each QoS 1 message only once `accept` says it is durable,
 * without holding up the messages behind it.
 *
 * mqtt.js sends the PUBACK when `handleMessage` calls back, and reads nothing more from the
 * connection until then, so waiting there caps a connection at one fsync per message.
 * Instead `handleMessage` calls back at once and the PUBACK itself is held back (in
 * `_sendPacket`, mqtt.js's one way out for packets) until the message is durable. The
 * broker's in-flight window (receive maximum) bounds how many wait; they resolve in
 * journal order, so PUBACKs leave in the order the messages came, as MQTT requires.
 * An acknowledgement that outlives its connection is dropped: the broker redelivers.
 * The integration tests pin this behaviour against a real Mosquitto (kill and restart).
 */
export function acknowledgeWhenDurable(
  client: MqttClient,
  accept: (topic: string, payload: Buffer) => Promise<void>,
  onFailure: (error: Error) => void,
): void {
  const waiting = new Map<number, Promise<void>>();
  let connection = 0;
  client.on('connect', () => {
    connection += 1;
  });
  client.on('close', () => {
    connection += 1;
    waiting.clear();
  });

  client.handleMessage = (packet: IPublishPacket, callback) => {
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const durable = accept(packet.topic, payload);
    if (packet.qos === 1 && packet.messageId !== undefined) waiting.set(packet.messageId, durable);
    else durable.catch(onFailure);
    callback();
  };

  const target = client as unknown as WithSendPacket;
  const send = target._sendPacket.bind(client);
  target._sendPacket = (packet, cb, ...rest) => {
    const durable = packet.cmd === 'puback' && packet.messageId !== undefined ? waiting.get(packet.messageId) : undefined;
    if (durable === undefined || packet.messageId === undefined) {
      send(packet, cb, ...rest);
      return;
    }
    waiting.delete(packet.messageId);
    const sentOn = connection;
    // Let mqtt.js read the next packet now; the acknowledgement follows durability.
    cb?.();
    durable.then(
      () => {
        if (sentOn === connection && client.connected) send(packet, undefined, ...rest);
      },
      (error: unknown) => onFailure(error as Error),
    );
  };
}
