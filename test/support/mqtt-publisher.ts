import mqtt, { type MqttClient } from 'mqtt';
import type { Report } from './station-reports';

/** A QoS 1 publisher that keeps `window` publishes in flight and resolves when all are acknowledged. */
export class MqttPublisher {
  private constructor(private readonly client: MqttClient) {}

  static async connect(url: string, clientId: string): Promise<MqttPublisher> {
    const client = await mqtt.connectAsync(url, { clientId, clean: false, protocolVersion: 5, properties: { sessionExpiryInterval: 3600 }, reconnectPeriod: 500 });
    return new MqttPublisher(client);
  }

  /** Publishes every report with QoS 1; a publish still waiting when the broker drops is retried by mqtt.js. */
  async publishAll(reports: readonly Report[], window = 100, onAcked?: (count: number) => void): Promise<void> {
    let next = 0;
    let acked = 0;
    const worker = async (): Promise<void> => {
      while (next < reports.length) {
        const report = reports[next++]!;
        await this.client.publishAsync(report.topic, report.payload, { qos: 1 });
        acked += 1;
        onAcked?.(acked);
      }
    };
    await Promise.all(Array.from({ length: window }, worker));
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
