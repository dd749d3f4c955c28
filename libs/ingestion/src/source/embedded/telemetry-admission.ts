import { TELEMETRY_TOPIC_PREFIX } from '@hydro/domain';
import type { Client, PublishPacket } from 'aedes';
import type { Log } from '../../log';
import type { TelemetrySink } from '../telemetry-source';

const CONTEXT = 'EmbeddedBrokerSource';

/** aedes' `authorizePublish` callback: an error drops the publisher's connection, and no PUBACK is sent. */
export type AuthorizeCallback = (error?: Error | null) => void;

/**
 * The acknowledgement point of the embedded broker: aedes' `authorizePublish` hook.
 *
 * aedes calls the hook for every PUBLISH before it acknowledges it, and sends the PUBACK
 * (QoS 1) or PUBREC (QoS 2) only when the hook calls back without an error. So a station
 * report under `hydro/v1/telemetry/` is handed to the sink here, in-process, and the hook
 * calls back only when the sink says it is durable: the station's PUBACK follows durability.
 *
 * When the sink refuses (e.g. `SpoolFullError`) the hook calls back with the error: aedes
 * then sends no acknowledgement and closes the publisher's connection. The station keeps the
 * message and resends it when it reconnects. After a refusal, further reports are refused
 * without asking the sink until `hasRoom()` says the spool has drained enough.
 *
 * aedes handles the packets of one connection in batches (all those parsed from one socket
 * read, concurrently) and reads no more until the whole batch has been acknowledged. Within
 * a batch the sink may settle out of order; the callbacks are chained per connection so that
 * acknowledgements still leave in the order the messages came, as MQTT requires. Once one
 * is refused, those behind it on that connection are refused too (the connection is closing).
 * While a batch waits, aedes reads nothing from that connection, PINGREQ included: a report
 * held longer than 1.5 × the station's keep-alive gets the connection dropped (the station
 * resends), so the sink must answer in well under a keep-alive, as the journal does.
 *
 * Other topics pass as in aedes' default hook. Station accounts are not checked yet (the
 * broker listens on loopback by default); a per-station ACL would go in `authorize` —
 * a station may publish only to `hydro/v1/telemetry/{its own id}`, as in config/mosquitto/acl.
 */
export class TelemetryAdmission {
  /** One promise per connection: its latest report's turn to be acknowledged. */
  private readonly turns = new Map<Client, Promise<void>>();
  /** Every `accept` not yet settled, so `close` can wait for them. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Why reports are being refused, while they are. */
  private refusal: string | undefined;
  private closed = false;

  constructor(
    private readonly sink: TelemetrySink,
    private readonly log: Log,
  ) {}

  /** False once closed, and while refusing reports until the spool has room. */
  get admitting(): boolean {
    return !this.closed && (this.refusal === undefined || this.sink.hasRoom());
  }

  /** aedes' `authorizePublish`. `client` is null for a will published on behalf of a client gone elsewhere. */
  authorize(client: Client | null, packet: PublishPacket, callback: AuthorizeCallback): void {
    const { topic } = packet;
    if (!topic.startsWith(TELEMETRY_TOPIC_PREFIX)) {
      // aedes' default: anything but its own $SYS tree. The alerts the centre publishes pass here.
      callback(topic.startsWith('$SYS/') ? new Error('$SYS/ topic is reserved') : null);
      return;
    }
    const refused = this.refusedNow();
    if (refused !== undefined) {
      callback(refused);
      return;
    }
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const turn = this.inClientOrder(client, this.track(this.accept(topic, payload)));
    turn.then(
      () => callback(null),
      (error: unknown) => {
        this.refuse(error);
        callback(new Error(`report on ${topic} not acknowledged: ${messageOf(error)}`, { cause: error }));
      },
    );
  }

  /** Refuses new reports and resolves once every `accept` already made has settled. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.inFlight.size > 0) await Promise.all(this.inFlight);
    this.turns.clear();
  }

  private accept(topic: string, payload: Buffer): Promise<void> {
    try {
      return this.sink.accept(topic, payload);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /** The error to refuse a report with right now, without asking the sink; undefined to ask it. */
  private refusedNow(): Error | undefined {
    if (this.closed) return new Error('the embedded broker is stopping; resend after reconnecting');
    if (this.refusal === undefined) return undefined;
    if (!this.sink.hasRoom()) return new Error(`refusing reports until the spool has room: ${this.refusal}`);
    this.refusal = undefined;
    this.log.log('accepting station reports again', CONTEXT);
    return undefined;
  }

  private refuse(error: unknown): void {
    if (this.refusal !== undefined || this.closed) return;
    this.refusal = messageOf(error);
    this.log.warn(
      `refusing station reports: ${this.refusal}; publishers get no PUBACK and resend after reconnecting`,
      CONTEXT,
    );
  }

  private track(durable: Promise<void>): Promise<void> {
    const settled = durable.then(noop, noop);
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return durable;
  }

  /** Settles after `durable` and after the connection's previous report; rejects if either did. */
  private inClientOrder(client: Client | null, durable: Promise<void>): Promise<void> {
    if (client === null) return durable;
    const previous = this.turns.get(client);
    const turn = previous === undefined ? durable : previous.then(() => durable);
    this.turns.set(client, turn);
    const forget = (): void => {
      if (this.turns.get(client) === turn) this.turns.delete(client);
    };
    turn.then(forget, forget);
    return turn;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function noop(): void {}
