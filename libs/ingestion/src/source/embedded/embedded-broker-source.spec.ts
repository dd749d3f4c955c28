import { once } from 'node:events';
import { connect as connectSocket, createServer, type Server } from 'node:net';
import { telemetryTopic } from '@hydro/domain';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Log } from '../../log';
import type { TelemetrySink } from '../telemetry-source';
import { ControlledSink, RecordingLog } from './__fixtures__/controlled-sink';
import { RawMqttClient } from './__fixtures__/raw-mqtt-client';
import { EmbeddedBrokerSource } from './embedded-broker-source';

const STATION = '70500747';
const REPORT = JSON.stringify({ observedAt: '2023-09-21T10:05:00+08:00', channel: 'cellular', readings: { water_level: 3.42 } });

const sinks: ControlledSink[] = [];
const sources: EmbeddedBrokerSource[] = [];
const clients: MqttClient[] = [];

afterEach(async () => {
  for (const sink of sinks.splice(0)) sink.releaseAll();
  await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
  await Promise.all(sources.splice(0).map((source) => source.stop()));
});

function newSink(behaviour: ControlledSink['behaviour']): ControlledSink {
  const sink = new ControlledSink(behaviour);
  sinks.push(sink);
  return sink;
}

async function startBroker(sink: TelemetrySink, log: Log = new RecordingLog()): Promise<EmbeddedBrokerSource> {
  const source = new EmbeddedBrokerSource({ port: 0, log });
  sources.push(source);
  await source.start(sink);
  return source;
}

function urlOf(source: EmbeddedBrokerSource): string {
  return `mqtt://127.0.0.1:${source.port}`;
}

async function connectClient(source: EmbeddedBrokerSource, options: IClientOptions = {}): Promise<MqttClient> {
  const client = await mqtt.connectAsync(urlOf(source), { protocolVersion: 4, reconnectPeriod: 0, ...options });
  clients.push(client);
  return client;
}

/** Message ids of the PUBACKs a client receives. */
function pubacksOf(client: MqttClient): number[] {
  const ids: number[] = [];
  client.on('packetreceive', (packet) => {
    if (packet.cmd === 'puback' && packet.messageId !== undefined) ids.push(packet.messageId);
  });
  return ids;
}

type Subscribe = (listener: () => void) => void;

/** Counts an event, and resolves once it has happened `n` times in all. */
function counter(subscribe: Subscribe): { reach(n: number): Promise<void> } {
  let count = 0;
  const watchers: Array<{ n: number; reached: () => void }> = [];
  subscribe(() => {
    count += 1;
    for (const watcher of watchers.splice(0)) {
      if (count >= watcher.n) watcher.reached();
      else watchers.push(watcher);
    }
  });
  return { reach: (n) => (count >= n ? Promise.resolve() : new Promise((reached) => watchers.push({ n, reached }))) };
}

/** A publish through the broker on another connection: the broker has handled everything sent before it. */
async function roundTrip(source: EmbeddedBrokerSource): Promise<void> {
  const probe = await connectClient(source);
  await probe.publishAsync('hydro/v1/alerts/probe', 'probe', { qos: 1 });
  await probe.endAsync();
}

describe('EmbeddedBrokerSource', () => {
  it('sends the PUBACK only once the sink says the report is durable', async () => {
    const sink = newSink('hold');
    const source = await startBroker(sink);
    const station = await connectClient(source, { clientId: STATION });
    const pubacks = pubacksOf(station);
    let completed = false;
    const publishing = station.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 }).then(() => {
      completed = true;
    });

    await sink.untilAccepted(1);
    await roundTrip(source);
    expect(sink.accepted[0]).toMatchObject({ topic: telemetryTopic(STATION), payload: REPORT });
    expect(pubacks).toEqual([]);
    expect(completed).toBe(false);

    sink.accepted[0]!.durable.resolve();
    await publishing;
    expect(pubacks).toHaveLength(1);
  });

  it("acknowledges a connection's reports in the order they came, however the sink settles them", async () => {
    const sink = newSink('hold');
    const source = await startBroker(sink);
    const rtu = await RawMqttClient.connect(source.port, 'rtu-1');
    rtu.publishTogether([1, 2, 3].map((n) => ({ topic: telemetryTopic(`7050000${n}`), payload: `report ${n}`, messageId: n })));

    // aedes hands the sink every report parsed from one socket read at once.
    await sink.untilAccepted(3);
    sink.accepted[2]!.durable.resolve();
    sink.accepted[1]!.durable.resolve();
    await roundTrip(source);
    expect(rtu.pubacks).toEqual([]);

    sink.accepted[0]!.durable.resolve();
    await rtu.untilPubacks(3);
    expect(rtu.pubacks).toEqual([1, 2, 3]);
    await rtu.disconnect();
  });

  it('gives a refused report no PUBACK; the station resends it after reconnecting, and it is accepted then', async () => {
    const sink = newSink('reject');
    sink.room = false;
    const log = new RecordingLog();
    const source = await startBroker(sink, log);
    const station = await connectClient(source, { clientId: STATION, clean: false, reconnectPeriod: 20 });
    const pubacks = pubacksOf(station);
    const closes = counter((listener) => station.on('close', listener));
    const publishing = station.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 });

    // aedes closes the connection of a publisher whose report was refused.
    await closes.reach(1);
    expect(pubacks).toEqual([]);
    expect(source.consuming).toBe(false);
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: refusing station reports: the spool is full/));

    // The resend is refused without troubling the sink while the spool has no room.
    await closes.reach(2);
    expect(sink.accepted).toHaveLength(1);
    expect(pubacks).toEqual([]);

    sink.behaviour = 'resolve';
    sink.room = true;
    await publishing;
    expect(pubacks).toHaveLength(1);
    expect(sink.accepted.map(({ topic, payload }) => ({ topic, payload }))).toEqual([
      { topic: telemetryTopic(STATION), payload: REPORT },
      { topic: telemetryTopic(STATION), payload: REPORT },
    ]);
    expect(source.consuming).toBe(true);
    expect(log.lines).toContain('log: accepting station reports again');
  });

  it('passes other topics to their subscribers, and forwards reports to subscribers too', async () => {
    const sink = newSink('resolve');
    const source = await startBroker(sink);
    const dashboard = await connectClient(source, { clientId: 'dashboard' });
    await dashboard.subscribeAsync({ 'hydro/v1/alerts/#': { qos: 1 }, 'hydro/v1/telemetry/+': { qos: 1 } });
    const received = counter((listener) => dashboard.on('message', listener));
    const messages: Array<{ topic: string; payload: string; qos: number }> = [];
    dashboard.on('message', (topic, payload, packet) => messages.push({ topic, payload: payload.toString(), qos: packet.qos }));

    const centre = await connectClient(source, { clientId: 'centre' });
    await centre.publishAsync(`hydro/v1/alerts/${STATION}`, 'level above warning', { qos: 1 });
    const station = await connectClient(source, { clientId: STATION });
    await station.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 });

    await received.reach(2);
    expect(messages).toEqual([
      { topic: `hydro/v1/alerts/${STATION}`, payload: 'level above warning', qos: 1 },
      { topic: telemetryTopic(STATION), payload: REPORT, qos: 1 },
    ]);
    expect(sink.accepted.map(({ topic }) => topic)).toEqual([telemetryTopic(STATION)]);
  });

  it('keeps no backlog of reports for a persistent subscriber that is away, but does of other topics', async () => {
    const source = await startBroker(newSink('resolve'));
    const persistent = { clientId: 'dashboard', clean: false } as const;
    const away = await connectClient(source, persistent);
    await away.subscribeAsync({ 'hydro/v1/telemetry/+': { qos: 1 }, 'hydro/v1/alerts/#': { qos: 1 } });
    await away.endAsync();

    const station = await connectClient(source, { clientId: STATION });
    await station.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 });
    const centre = await connectClient(source, { clientId: 'centre' });
    await centre.publishAsync(`hydro/v1/alerts/${STATION}`, 'level above warning', { qos: 1 });

    const topics: string[] = [];
    const back = mqtt.connect(urlOf(source), { ...persistent, protocolVersion: 4, reconnectPeriod: 0 });
    clients.push(back);
    back.on('message', (topic) => topics.push(topic));
    await counter((listener) => back.on('message', listener)).reach(1);
    expect(topics).toEqual([`hydro/v1/alerts/${STATION}`]);
  });

  it('speaks MQTT 3.1 and 3.1.1; an MQTT 5 client is refused, and the log says why', async () => {
    const log = new RecordingLog();
    const source = await startBroker(newSink('resolve'), log);
    for (const protocolVersion of [3, 4] as const) {
      const client = await connectClient(source, { protocolVersion, clientId: `v${protocolVersion}` });
      await client.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 });
    }
    await expect(
      mqtt.connectAsync(urlOf(source), { protocolVersion: 5, clientId: 'v5-station', reconnectPeriod: 0 }),
    ).rejects.toThrow('Connection refused: Unacceptable protocol version');
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: client "v5-station" asked for MQTT 5; .*protocolVersion 4/));
  });

  it('says which port is in use and what to set when it cannot listen', async () => {
    const blocker: Server = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const source = new EmbeddedBrokerSource({ port, log: new RecordingLog() });
    try {
      await expect(source.start(newSink('resolve'))).rejects.toThrow(
        `embedded MQTT broker cannot listen on 127.0.0.1:${port}: the port is in use (set MQTT_BROKER_PORT to a free port)`,
      );
      expect(source.consuming).toBe(false);
    } finally {
      blocker.close();
    }
  });

  it('stop() refuses connections, lets reports in flight be acknowledged, then closes every connection', async () => {
    const sink = newSink('hold');
    const source = await startBroker(sink);
    expect(source.consuming).toBe(true);
    expect(source.description).toBe(`embedded broker on mqtt://127.0.0.1:${source.port}`);
    const station = await connectClient(source, { clientId: STATION });
    const stationClosed = counter((listener) => station.on('close', listener)).reach(1);
    const pubacks = pubacksOf(station);
    const silent = connectSocket({ host: '127.0.0.1', port: source.port }); // connected, never sends CONNECT
    const silentClosed = once(silent, 'close');
    await once(silent, 'connect');
    const publishing = station.publishAsync(telemetryTopic(STATION), REPORT, { qos: 1 });
    await sink.untilAccepted(1);

    let stopped = false;
    const stopping = source.stop().then(() => {
      stopped = true;
    });
    for (let turn = 0; turn < 5; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect(source.consuming).toBe(false);

    sink.accepted[0]!.durable.resolve();
    await publishing;
    expect(pubacks).toHaveLength(1);
    await stopping;
    await Promise.all([stationClosed, silentClosed]);
    await expect(mqtt.connectAsync(urlOf(source), { reconnectPeriod: 0 })).rejects.toThrow(/ECONNREFUSED/);
  });

  it('describes an IPv6 address in brackets', () => {
    expect(new EmbeddedBrokerSource({ host: '::1', port: 1883, log: new RecordingLog() }).description).toBe(
      'embedded broker on mqtt://[::1]:1883',
    );
  });
});
