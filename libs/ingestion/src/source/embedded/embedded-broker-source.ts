import type { EventEmitter } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { createBroker, type default as Aedes } from 'aedes';
import type { Log } from '../../log';
import type { TelemetrySink, TelemetrySource } from '../telemetry-source';
import { authorizeSubscribe } from './live-telemetry-subscriptions';
import { hostPort, listen } from './listen';
import { explainRefusedProtocolVersions } from './protocol-versions';
import { TelemetryAdmission } from './telemetry-admission';

const CONTEXT = 'EmbeddedBrokerSource';

export interface EmbeddedBrokerOptions {
  /** Address to listen on; loopback by default, since there is no authentication yet. */
  host?: string;
  /** TCP port for MQTT; 0 picks a free one (see `port` once started). */
  port: number;
  log: Log;
}

interface Running {
  broker: Aedes;
  server: Server;
  sockets: Set<Socket>;
  admission: TelemetryAdmission;
}

/**
 * An MQTT broker (aedes, MQTT 3.1/3.1.1 over TCP) inside the ingestor, so that it runs with
 * nothing else installed. Stations publish to it as to Mosquitto; their reports are taken
 * in-process, with no subscriber connection: `TelemetryAdmission` hands each one to the
 * sink in aedes' `authorizePublish` hook, and the station's PUBACK waits until it is durable.
 * A refused report gets no PUBACK and its connection is closed, so the station resends it.
 *
 * Everything else is an ordinary broker: other topics (the alerts the centre publishes)
 * reach their subscribers, and reports are forwarded live to anyone subscribed to them.
 * Sessions live in memory: a station's unacknowledged reports are kept by the station, not
 * by this broker, so a restart loses nothing that was acknowledged.
 */
export class EmbeddedBrokerSource implements TelemetrySource {
  private readonly host: string;
  private boundPort: number;
  private running: Running | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: EmbeddedBrokerOptions) {
    this.host = options.host ?? '127.0.0.1';
    this.boundPort = options.port;
  }

  /** The TCP port listened on: the one configured, or the one picked for port 0 once started. */
  get port(): number {
    return this.boundPort;
  }

  get description(): string {
    return `embedded broker on mqtt://${hostPort(this.host, this.boundPort)}`;
  }

  get consuming(): boolean {
    const running = this.running;
    return running !== undefined && running.server.listening && running.admission.admitting;
  }

  async start(sink: TelemetrySink): Promise<void> {
    if (this.running !== undefined) throw new Error(`${this.description} is already started`);
    const { log } = this.options;
    const admission = new TelemetryAdmission(sink, log);
    const broker = createBroker({
      // No authentication yet: the broker listens on loopback unless MQTT_BROKER_HOST says
      // otherwise. Station accounts go in an `authenticate` hook here, and the per-station
      // topic ACL in TelemetryAdmission.authorize (see config/mosquitto/acl).
      preConnect: explainRefusedProtocolVersions(log),
      authorizePublish: (client, packet, callback) => admission.authorize(client, packet, callback),
      authorizeSubscribe,
    });
    broker.on('clientError', (client, error) => log.debug?.(`client "${client.id}": ${error.message}`, CONTEXT));
    broker.on('connectionError', (_client, error) => log.debug?.(`connection refused: ${error.message}`, CONTEXT));
    // aedes reports persistence failures on the broker; an unhandled 'error' would end the process.
    const emitter: EventEmitter = broker; // aedes' types omit its 'error' event
    emitter.on('error', (error: Error) => log.error(`broker: ${error.message}`, CONTEXT));

    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      broker.handle(socket);
    });
    try {
      this.boundPort = await listen(server, this.host, this.options.port);
    } catch (error) {
      await closeBroker(broker);
      throw error;
    }
    this.running = { broker, server, sockets, admission };
    log.log(`${this.description} (MQTT 3.1.1, no authentication)`, CONTEXT);
  }

  /**
   * Stops accepting connections and reports, lets the reports already handed to the sink
   * settle (their PUBACKs go out), then closes every connection and the broker.
   */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown().finally(() => {
      this.stopping = undefined;
    });
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    const running = this.running;
    if (running === undefined) return;
    const { broker, server, sockets, admission } = running;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await admission.close();
    // aedes writes a PUBACK corked until the next tick, and destroys connections on close:
    // let the acknowledgements of the reports just made durable leave first.
    await new Promise((resolve) => setImmediate(resolve));
    await closeBroker(broker);
    // aedes closes the clients it has registered; connections still before their CONNECT are ours.
    for (const socket of sockets) socket.destroy();
    await closed;
    this.running = undefined;
    this.options.log.log(`${this.description} stopped`, CONTEXT);
  }
}

function closeBroker(broker: Aedes): Promise<void> {
  return new Promise((resolve) => broker.close(() => resolve()));
}
