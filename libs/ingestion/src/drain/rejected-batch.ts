import { telemetryTopic } from '@hydro/domain';
import type { StoredDeadLetter, TelemetryBatch } from '../store/reading-store';

/**
 * A reading or arrival the store refused (say, a field type conflict) is not dropped:
 * it is kept as a `store_rejected` dead letter holding the point itself, so a person
 * can see it and write it again once the cause is fixed.
 */
export function rejectedAsDeadLetters(batch: TelemetryBatch, why: string, now: number, serial: number): TelemetryBatch {
  const points = [...batch.readings, ...batch.arrivals];
  const deadLetters: StoredDeadLetter[] = points.map((point, index) => ({
    receivedAt: now,
    topic: telemetryTopic(point.stationId),
    payload: JSON.stringify(point),
    reason: 'store_rejected',
    detail: `the store refused this point: ${why}`,
    serial: serial - index,
  }));
  return { readings: [], arrivals: [], deadLetters };
}
