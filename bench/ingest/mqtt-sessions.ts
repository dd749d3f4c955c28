import mqtt from 'mqtt';

/**
 * Removes persistent sessions left on the broker by a finished run. A session outlives its
 * client (the ingestor is SIGKILLed), keeps its subscription and would have the broker queue
 * every later run's messages for nobody. Connecting with the same client id, clean start and
 * no session expiry, then disconnecting, ends the session and its subscriptions.
 */
export async function removeSessions(url: string, clientIds: readonly string[]): Promise<void> {
  for (const clientId of clientIds) {
    const client = await mqtt.connectAsync(url, { clientId, clean: true, protocolVersion: 5, properties: { sessionExpiryInterval: 0 }, reconnectPeriod: 0 });
    await client.endAsync();
  }
}
