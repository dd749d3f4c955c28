import { telemetryTopic } from '@hydro/domain';
import type { StoredDeadLetter, TelemetryBatch } from '../store/reading-store';

/**
 * Serials of `store_rejected` dead letters live above every journal-derived serial
 * (sequence × 10,000 + index stays below 10^15 for a hundred billion entries) and are
 * derived from the point itself, so two refused points never share one and a replay of the
 * same refusal rewrites the same dead letter.
 */
const REJECTED_SERIAL_BASE = 8_000_000_000_000_000;

/**
 * A reading or arrival the store refused (say, a field type conflict) is not dropped:
 * it is kept as a `store_rejected` dead letter holding the point itself, so a person
 * can see it and write it again once the cause is fixed.
 */
export function rejectedAsDeadLetters(batch: TelemetryBatch, why: string, now: number): TelemetryBatch {
  const points = [...batch.readings, ...batch.arrivals];
  const deadLetters: StoredDeadLetter[] = points.map((point) => {
    const payload = JSON.stringify(point);
    return {
      receivedAt: now,
      topic: telemetryTopic(point.stationId),
      payload,
      reason: 'store_rejected',
      detail: `the store refused this point: ${why}`,
      serial: REJECTED_SERIAL_BASE + fnv1a(payload),
    };
  });
  return { readings: [], arrivals: [], deadLetters };
}

/** 32-bit FNV-1a: a small, stable hash (collisions only matter within one millisecond and reason). */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
