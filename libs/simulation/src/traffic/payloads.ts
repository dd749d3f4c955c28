import type { Channel, Element } from '@hydro/domain';
import { formatBeijing } from '../time/sim-time';

export type Readings = Partial<Record<Element, number>>;

/** One observation as an RTU stamps it (the stamp is its clock's, which may be wrong). */
export interface Observation {
  readonly observedAt: number;
  readonly readings: Readings;
}

/** The single-observation form of the message contract. Built by hand: it runs a million times a run. */
export function reportPayload(stationId: string, channel: Channel, observation: Observation): string {
  return `{"stationId":${JSON.stringify(stationId)},"observedAt":"${formatBeijing(observation.observedAt)}","channel":"${channel}","readings":${JSON.stringify(observation.readings)}}`;
}

/** The batch form (satellite catch-up): several observations in one message. */
export function batchPayload(stationId: string, channel: Channel, observations: readonly Observation[]): string {
  return JSON.stringify({
    stationId,
    channel,
    observations: observations.map((o) => ({ observedAt: formatBeijing(o.observedAt), readings: o.readings })),
  });
}

/** Rounds as an RTU's element definition would (e.g. N(5,1) rainfall, levels to the centimetre). */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
