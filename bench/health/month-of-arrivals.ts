import type { Arrival, Station } from '../../libs/domain/src';
import { SeededRandom } from '../../libs/simulation/src';

const MINUTE = 60_000;

/**
 * A month of timed reports for every station, as arrivals: each slot's cellular copy arrives with
 * probability `cellular`, its BeiDou copy (dual-channel stations) with `beidou`, so the arrival
 * rate is realistic (not 100 %) and copies overlap. Yields batches, so memory stays flat.
 */
export function* monthOfArrivals(stations: readonly Station[], from: number, to: number, batchSize: number, seed = 20260501): Generator<Arrival[]> {
  const random = new SeededRandom(seed);
  let batch: Arrival[] = [];
  for (const station of stations) {
    const interval = station.reportingIntervalMinutes * MINUTE;
    const dual = station.channels.includes('beidou');
    for (let t = Math.ceil(from / interval) * interval; t < to; t += interval) {
      if (random.next() < 0.97) batch.push({ stationId: station.id, channel: 'cellular', observedAt: t, receivedAt: t + 20_000, onSchedule: true });
      if (dual && random.next() < 0.9) batch.push({ stationId: station.id, channel: 'beidou', observedAt: t, receivedAt: t + 25 * MINUTE, onSchedule: true });
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
