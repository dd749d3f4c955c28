import mqtt, { type MqttClient } from 'mqtt';

export interface MqttPublisherOptions {
  readonly username?: string;
  readonly password?: string;
}

/**
 * A publishing connection as field RTUs and gateways open it: MQTT 3.1.1 (the embedded broker, aedes,
 * refuses MQTT 5), a clean session, and reconnection every second while the broker is away.
 */
export function connectMqttPublisher(url: string, clientId: string, options: MqttPublisherOptions): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    clientId,
    clean: true,
    protocolVersion: 4,
    reconnectPeriod: 1_000,
    connectTimeout: 10_000,
    ...(options.username === undefined ? {} : { username: options.username }),
    ...(options.password === undefined ? {} : { password: options.password }),
  });
}
