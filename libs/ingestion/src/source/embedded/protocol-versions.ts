import type { Client, ConnectPacket } from 'aedes';
import type { Log } from '../../log';

/** Client ids already told; bounded so that a crowd of misconfigured clients cannot grow it. */
const MAX_WARNED = 1000;

/**
 * aedes' `preConnect`: lets every connection through, and says clearly why an MQTT 5 one will fail.
 *
 * aedes 0.51 speaks MQTT 3.1 and 3.1.1 only. It answers an MQTT 5 CONNECT with CONNACK
 * return code 1, "unacceptable protocol version" (mqtt.js reports "Connection refused:
 * Unacceptable protocol version", code 1, and keeps retrying). Stations and the simulator
 * must connect with MQTT 3.1.1 (mqtt.js `protocolVersion: 4`, its default) to this broker.
 */
export function explainRefusedProtocolVersions(log: Log): (
  client: Client,
  packet: ConnectPacket,
  callback: (error: Error | null, success: boolean) => void,
) => void {
  const warned = new Set<string>();
  return (_client, packet, callback) => {
    const version = packet.protocolVersion ?? 4;
    if (version > 4 && !warned.has(packet.clientId)) {
      if (warned.size >= MAX_WARNED) warned.clear();
      warned.add(packet.clientId);
      log.warn(
        `client "${packet.clientId}" asked for MQTT ${version === 5 ? '5' : `protocol level ${version}`}; ` +
          'the embedded broker speaks MQTT 3.1.1 only, so it is refused (connect with protocolVersion 4, or set MQTT_URL to an MQTT 5 broker)',
        'EmbeddedBrokerSource',
      );
    }
    callback(null, true);
  };
}
