export interface MqttSourceOptions {
  /** mqtt://, mqtts://, ws:// or wss:// */
  readonly url: string;
  /** Stable per replica: the broker keeps the persistent session (and its queue) under this id. */
  readonly clientId: string;
  /** With a shared-subscription group, this many connections split the load (each is serialised by mqtt.js). */
  readonly connections: number;
  /** MQTT 5 shared-subscription group (`$share/<group>/…`); empty for a plain subscription on one connection. */
  readonly sharedGroup: string;
  readonly topicFilter: string;
  readonly username?: string;
  readonly password?: string;
  readonly ca?: Buffer;
  readonly cert?: Buffer;
  readonly key?: Buffer;
  readonly rejectUnauthorized: boolean;
  readonly keepaliveSeconds: number;
  /** Messages a connection may have waiting for durability at once (MQTT 5 receive maximum). */
  readonly inFlight: number;
  /** How long the broker keeps our session (and queues for it) while we are away. */
  readonly sessionExpirySeconds: number;
  readonly reconnectInitialMs: number;
  readonly reconnectMaxMs: number;
}
