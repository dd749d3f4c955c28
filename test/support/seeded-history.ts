import type { Arrival, Channel, Element, Reading, Station } from '@hydro/domain';
import type { ReadingStore, TelemetryBatch } from '@hydro/ingestion';

const MINUTE_MS = 60_000;
/** How long after its observation time a seeded report was received: a normal cellular delay. */
const DELIVERY_DELAY_MS = 20_000;

/** A channel of a station that reported on schedule until `lastReceivedAt` and was silent after. */
export interface ChannelHistory {
  readonly station: Station;
  readonly channel: Channel;
  /** Receipt time of the last report, epoch ms. */
  readonly lastReceivedAt: number;
  /** How many timed reports, ending with the last one; default 6. */
  readonly reports?: number;
  /** The battery voltage every report carries; default a healthy 12.6 V. */
  readonly batteryVolts?: number;
}

/** The observation time of the last seeded report: the station's slot just before its receipt. */
export function lastObservedAt(history: ChannelHistory): number {
  const interval = history.station.reportingIntervalMinutes * MINUTE_MS;
  return Math.floor((history.lastReceivedAt - DELIVERY_DELAY_MS) / interval) * interval;
}

/**
 * What the centre would have stored had these reports come in: one arrival per report and channel,
 * and a reading per element (copies over two channels are one reading). The last report keeps the
 * exact receipt time asked for; earlier ones came one interval apart.
 */
export function historyBatch(histories: readonly ChannelHistory[]): TelemetryBatch {
  const arrivals: Arrival[] = [];
  const readings = new Map<string, Reading>();
  for (const history of histories) {
    const interval = history.station.reportingIntervalMinutes * MINUTE_MS;
    const last = lastObservedAt(history);
    for (let i = (history.reports ?? 6) - 1; i >= 0; i -= 1) {
      const observedAt = last - i * interval;
      arrivals.push({ stationId: history.station.id, channel: history.channel, observedAt, receivedAt: history.lastReceivedAt - i * interval, onSchedule: true });
      for (const element of history.station.elements) {
        const value = element === 'battery_voltage' ? (history.batteryVolts ?? 12.6) : quietValue(history.station, element);
        readings.set(`${history.station.id}|${element}|${observedAt}`, { stationId: history.station.id, element, observedAt, value, quality: 'good' });
      }
    }
  }
  return { arrivals, readings: [...readings.values()], deadLetters: [] };
}

/** Writes the batch with the store adapter the centre itself uses, then lets go of the store. */
export async function seedStore(store: ReadingStore, batch: TelemetryBatch): Promise<void> {
  try {
    await store.prepare();
    await store.write(batch);
  } finally {
    await store.close();
  }
}

/** A calm value inside the station's limits: no rain, a level a third of the way up. */
function quietValue(station: Station, element: Element): number {
  if (element === 'rainfall') return 0;
  const limits = station.limits[element] ?? { min: 0, max: 10 };
  return Math.round((limits.min + (limits.max - limits.min) / 3) * 1000) / 1000;
}
