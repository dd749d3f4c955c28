import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connect, type IClientOptions, type MqttClient } from 'mqtt';
import { InfluxServer } from './support/influxdb-server';
import { MosquittoBroker } from './support/mosquitto-broker';

/**
 * Proof that the integration harness works: real Mosquitto and InfluxDB processes start, serve,
 * survive restarts the way production relies on, and keep what they acknowledged.
 */

const TOPIC = 'hydro/v1/telemetry/70112345';

/** Connects and resolves with the CONNACK's session-present flag. The 'message' listener is
 * attached before the CONNACK is handled: a persistent session's queue arrives right after it. */
async function connectClient(
  url: string,
  options: IClientOptions,
  onMessage: (topic: string, payload: string) => void = () => undefined,
): Promise<{ client: MqttClient; sessionPresent: boolean }> {
  const client = connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5_000, ...options });
  client.on('message', (topic, payload) => onMessage(topic, payload.toString('utf8')));
  return new Promise((resolve, reject) => {
    client.once('connect', (connack) => resolve({ client, sessionPresent: connack.sessionPresent }));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
  });
}

/** Collects payloads and lets a test wait, with a clear failure, for the ones it expects. */
class Inbox {
  readonly payloads: string[] = [];
  private waiters: (() => void)[] = [];

  readonly push = (_topic: string, payload: string): void => {
    this.payloads.push(payload);
    for (const wake of this.waiters.splice(0)) wake();
  };

  async waitFor(predicate: (payloads: readonly string[]) => boolean, what: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.payloads)) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for ${what}; received ${this.payloads.length} messages`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** A consumer that disconnects without unsubscribing, so the broker keeps queueing for it. */
async function createPersistentSubscription(url: string, clientId: string): Promise<void> {
  const { client } = await connectClient(url, { clientId, clean: false });
  await client.subscribeAsync(TOPIC, { qos: 1 });
  await client.endAsync();
}

async function publish(url: string, payloads: readonly string[]): Promise<void> {
  const { client } = await connectClient(url, { clientId: `harness-publisher-${Date.now()}` });
  try {
    // Resolves on PUBACK: from then on the broker, not the publisher, is responsible.
    await Promise.all(payloads.map((payload) => client.publishAsync(TOPIC, payload, { qos: 1 })));
  } finally {
    await client.endAsync();
  }
}

describe('MosquittoBroker', () => {
  let broker: MosquittoBroker;

  beforeAll(async () => {
    broker = await MosquittoBroker.start();
  });
  afterAll(async () => {
    await broker?.dispose();
  });

  it('delivers a QoS 1 message from a publisher to a subscriber', async () => {
    const inbox = new Inbox();
    const { client } = await connectClient(broker.url, { clientId: 'harness-live' }, inbox.push);
    try {
      await client.subscribeAsync(TOPIC, { qos: 1 });
      await publish(broker.url, ['live-1']);
      await inbox.waitFor((p) => p.includes('live-1'), 'live-1');
      expect(inbox.payloads).toEqual(['live-1']);
    } finally {
      await client.endAsync();
    }
  });

  it('keeps a persistent session and its queued QoS 1 message across a clean stop and restart', async () => {
    await createPersistentSubscription(broker.url, 'harness-sigterm');
    await publish(broker.url, ['queued-before-stop']);

    await broker.stop(); // SIGTERM: mosquitto saves its persistence file on the way out.
    expect(existsSync(join(broker.dataDir, 'mosquitto.db'))).toBe(true);
    await broker.restart();

    const inbox = new Inbox();
    const { client, sessionPresent } = await connectClient(
      broker.url,
      { clientId: 'harness-sigterm', clean: false },
      inbox.push,
    );
    try {
      expect(sessionPresent).toBe(true);
      await inbox.waitFor((p) => p.includes('queued-before-stop'), 'the message queued before the restart');
    } finally {
      await client.endAsync();
    }
  });

  it('comes back after SIGKILL on the same port with the last saved sessions', async () => {
    const port = broker.port;
    await createPersistentSubscription(broker.url, 'harness-sigkill');
    await broker.stop(); // Saves the new session, so what the crash below loses is only what follows.
    await broker.restart();

    await broker.kill();
    expect(broker.running).toBe(false);
    await broker.restart();
    expect(broker.port).toBe(port);

    const inbox = new Inbox();
    const { client, sessionPresent } = await connectClient(
      broker.url,
      { clientId: 'harness-sigkill', clean: false },
      inbox.push,
    );
    try {
      // The subscription came back from the persistence file; the client does not resubscribe.
      expect(sessionPresent).toBe(true);
      await publish(broker.url, ['after-kill']);
      await inbox.waitFor((p) => p.includes('after-kill'), 'after-kill');
    } finally {
      await client.endAsync();
    }
  });

  it('applies the shipped queue limits: an offline session holds more than the default 1,000 messages', async () => {
    const count = 2_500;
    await createPersistentSubscription(broker.url, 'harness-backlog');
    const sent = Array.from({ length: count }, (_, i) => `backlog-${i}`);
    await publish(broker.url, sent);

    const inbox = new Inbox();
    const { client } = await connectClient(broker.url, { clientId: 'harness-backlog', clean: false }, inbox.push);
    try {
      await inbox.waitFor((p) => new Set(p).size >= count, `${count} queued messages`, 30_000);
      expect(new Set(inbox.payloads)).toEqual(new Set(sent));
    } finally {
      await client.endAsync();
    }
  });
});

describe('InfluxServer', () => {
  let influx: InfluxServer;

  beforeAll(async () => {
    influx = await InfluxServer.start();
  });
  afterAll(async () => {
    await influx?.dispose();
  });

  it('keeps an acknowledged point through SIGKILL and restart', async () => {
    await influx.createDatabase('harness');
    const observedAt = Date.UTC(2026, 6, 1, 8, 5);
    const params = new URLSearchParams({ db: 'harness', precision: 'ms' });
    const response = await fetch(`${influx.url}/write?${params.toString()}`, {
      method: 'POST',
      body: `water_level,station=70112345 value=3.127 ${observedAt}`,
    });
    expect(response.status).toBe(204);

    await influx.kill();
    await influx.restart();

    const result = await influx.query(`SELECT value FROM water_level WHERE station = '70112345'`, 'harness');
    expect(result.results?.[0]?.series?.[0]?.values).toEqual([[observedAt, 3.127]]);
  });

  it('reports query errors instead of returning an empty result', async () => {
    await expect(influx.query('SELECT value FROM water_level', 'no_such_database')).rejects.toThrow(/database not found/);
  });
});
