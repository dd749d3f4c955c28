import { noiseBetween, STREAM } from '../random/noise';
import { MINUTE_MS, reportTimes } from '../time/sim-time';
import type { MessageBatch } from './message-batch';
import { batchPayload } from './payloads';
import type { StationTraffic } from './timed-reports';

/** While cellular is down, a dual-channel RTU sends its reports over BeiDou in half-hourly batches. */
export const BATCH_PERIOD_MINUTES = 30;
/** A batch reaches the centre 2–12 minutes after its last observation. */
export const BATCH_DELAY_MAX_MS = 12 * MINUTE_MS;

/**
 * The batches carrying a station's observations of [outageFrom, outageTo): the batch closing
 * at b holds the observations of (b − 30 min, b] and is due a few minutes after b.
 */
export function addBeidouBatches(batch: MessageBatch, traffic: StationTraffic, outageFrom: number, outageTo: number, from: number, to: number): void {
  const { station, order, key } = traffic;
  const period = BATCH_PERIOD_MINUTES * MINUTE_MS;
  const first = Math.max(outageFrom, from - BATCH_DELAY_MAX_MS);
  const last = Math.min(outageTo + period, to);
  for (const closing of reportTimes(BATCH_PERIOD_MINUTES, first, last)) {
    const dueAt = closing + Math.round(noiseBetween(key, STREAM.batchDelay, 120, 720, closing / MINUTE_MS)) * 1000;
    if (!batch.covers(dueAt)) continue;
    const times = reportTimes(station.reportingIntervalMinutes, Math.max(closing - period + 1, outageFrom), Math.min(closing + 1, outageTo));
    if (times.length === 0) continue;
    batch.add(order, station.id, 'beidou', dueAt, batchPayload(station.id, 'beidou', times.map(traffic.observe)));
  }
}
