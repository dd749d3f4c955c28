import { connect, type Socket } from 'node:net';

/**
 * A bare MQTT 3.1.1 client over a socket, for tests that need control mqtt.js does not give:
 * several PUBLISH packets in one TCP write, and every packet the broker sends, in order.
 */
export class RawMqttClient {
  /** Message ids of the PUBACKs received, in order. */
  readonly pubacks: number[] = [];
  private buffered = Buffer.alloc(0);
  private readonly matchers: Array<{ matches: (type: number, body: Buffer) => boolean; resolve: () => void }> = [];
  readonly closed: Promise<void>;

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  /** Connects with a clean session and resolves once the CONNACK accepted it. */
  static async connect(port: number, clientId: string): Promise<RawMqttClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new RawMqttClient(socket);
    const connack = client.next((type, body) => type === 2 && body[1] === 0);
    const variable = Buffer.concat([text('MQTT'), Buffer.from([4, 0x02, 0, 60])]);
    socket.write(frame(0x10, Buffer.concat([variable, text(clientId)])));
    await connack;
    return client;
  }

  /** Sends QoS 1 PUBLISH packets in a single write, so that the broker reads them together. */
  publishTogether(messages: ReadonlyArray<{ topic: string; payload: string; messageId: number }>): void {
    const packets = messages.map(({ topic, payload, messageId }) =>
      frame(0x32, Buffer.concat([text(topic), uint16(messageId), Buffer.from(payload)])),
    );
    this.socket.write(Buffer.concat(packets));
  }

  /** Resolves once `count` PUBACKs have arrived. */
  async untilPubacks(count: number): Promise<void> {
    while (this.pubacks.length < count) await this.next((type) => type === 4);
  }

  async disconnect(): Promise<void> {
    this.socket.end(Buffer.from([0xe0, 0]));
    await this.closed;
  }

  private next(matches: (type: number, body: Buffer) => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.matchers.push({ matches, resolve });
    });
  }

  private receive(chunk: Buffer): void {
    this.buffered = Buffer.concat([this.buffered, chunk]);
    for (;;) {
      const packet = readPacket(this.buffered);
      if (packet === undefined) return;
      this.buffered = this.buffered.subarray(packet.size);
      if (packet.type === 4) this.pubacks.push(packet.body.readUInt16BE(0));
      for (const matcher of this.matchers.splice(0)) {
        if (matcher.matches(packet.type, packet.body)) matcher.resolve();
        else this.matchers.push(matcher);
      }
    }
  }
}

function readPacket(buffer: Buffer): { type: number; body: Buffer; size: number } | undefined {
  let length = 0;
  let multiplier = 1;
  let offset = 1;
  for (;;) {
    const byte = buffer[offset];
    if (byte === undefined) return undefined;
    length += (byte & 0x7f) * multiplier;
    multiplier *= 128;
    offset += 1;
    if ((byte & 0x80) === 0) break;
  }
  if (buffer.length < offset + length) return undefined;
  return { type: buffer[0]! >> 4, body: buffer.subarray(offset, offset + length), size: offset + length };
}

function frame(header: number, body: Buffer): Buffer {
  const length: number[] = [];
  let remaining = body.length;
  do {
    let byte = remaining % 128;
    remaining = Math.floor(remaining / 128);
    if (remaining > 0) byte |= 0x80;
    length.push(byte);
  } while (remaining > 0);
  return Buffer.concat([Buffer.from([header, ...length]), body]);
}

function text(value: string): Buffer {
  const bytes = Buffer.from(value);
  return Buffer.concat([uint16(bytes.length), bytes]);
}

function uint16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value);
  return bytes;
}
