import type { Channel, Station } from '@hydro/domain';
import { noiseBetween, STREAM } from '../random/noise';
import { MINUTE_MS, reportTimes } from '../time/sim-time';
import type { MessageBatch } from './message-batch';
import { reportPayload, type Observation } from './payloads';

/** BeiDou short messages queue at the satellite: a copy arrives 30 s to 3 min after the cellular one. */
export const BEIDOU_DELAY_MAX_MS = 3 * MINUTE_MS;

export function beidouDelay(key: number, observedAt: number): number {
  return Math.round(noiseBetween(key, STREAM.beidouDelay, 30, 180, Math.floor(observedAt / MINUTE_MS))) * 1000;
}

/** Where a station stands in the window: what it observes and how its reports travel. */
export interface StationTraffic {
  readonly station: Station;
  /** Registry order, the tie-break between stations due at the same instant. */
  readonly order: number;
  readonly key: number;
  readonly observe: (t: number) => Observation;
}

/** Called for every report sent, e.g. to slip a hostile message in beside it. */
export type DeliveryHook = (channel: Channel, dueAt: number, observation: Observation) => void;

/**
 * A healthy RTU's timed reports: over cellular at the observation time and, on dual-channel
 * RTUs, the same report over BeiDou a little later. Observations start at `since`; those for
 * which `sent(t)` is false are not sent as single reports (a fault has them).
 */
export function addTimedReports(
  batch: MessageBatch,
  traffic: StationTraffic,
  since: number,
  from: number,
  to: number,
  sent: (t: number) => boolean = () => true,
  hook?: DeliveryHook,
): void {
  const { station, order, key } = traffic;
  const dual = station.channels.includes('beidou');
  for (const t of reportTimes(station.reportingIntervalMinutes, Math.max(since, from - BEIDOU_DELAY_MAX_MS), to)) {
    const cellularDue = batch.covers(t);
    const beidouDue = dual ? t + beidouDelay(key, t) : Number.NaN;
    if ((!cellularDue && !batch.covers(beidouDue)) || !sent(t)) continue;
    const observation = traffic.observe(t);
    for (const [channel, dueAt] of [['cellular', t], ['beidou', beidouDue]] as const) {
      if (!batch.covers(dueAt)) continue;
      batch.add(order, station.id, channel, dueAt, reportPayload(station.id, channel, observation));
      hook?.(channel, dueAt, observation);
    }
  }
}
