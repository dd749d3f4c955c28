import { type Channel, type Station, telemetryTopic } from '@hydro/domain';
import mqtt from 'mqtt';
import type { Report } from './station-reports';

const MINUTE_MS = 60_000;

/** The slot a timed report observed at `at` belongs to: the station's schedule time at or before it. */
export function slotAt(station: Station, at: number): number {
  const interval = station.reportingIntervalMinutes * MINUTE_MS;
  return Math.floor(at / interval) * interval;
}

/** A timed report as an RTU sends it, with a healthy battery and calm values for every element. */
export function timedReport(station: Station, channel: Channel, observedAt: number, batteryVolts = 12.6): Report {
  const readings = Object.fromEntries(
    station.elements.map((element) => {
      if (element === 'battery_voltage') return [element, batteryVolts];
      if (element === 'rainfall') return [element, 0];
      const limits = station.limits[element] ?? { min: 0, max: 10 };
      return [element, Math.round((limits.min + (limits.max - limits.min) / 3) * 1000) / 1000];
    }),
  );
  return { topic: telemetryTopic(station.id), payload: JSON.stringify({ stationId: station.id, observedAt, channel, readings }) };
}

/** Publishes with QoS 1 and returns once the broker has acknowledged every report. MQTT 3.1.1, which every broker here speaks. */
export async function publishReports(url: string, clientId: string, reports: readonly Report[]): Promise<void> {
  const client = await mqtt.connectAsync(url, { clientId, protocolVersion: 4, reconnectPeriod: 0 });
  try {
    for (const report of reports) await client.publishAsync(report.topic, report.payload, { qos: 1 });
  } finally {
    await client.endAsync();
  }
}
