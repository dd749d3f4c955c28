import type { Station } from '../../stations/station';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { Channel } from '../../telemetry/channel';
import type { Element } from '../../telemetry/element';
import type { Arrival, Reading } from '../../telemetry/reading';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
/** A fixed instant the specs count from. */
export const T0 = Date.parse('2024-06-01T00:00:00Z');

/** The sample dual-channel 5-minute river gauge under another id; each spec states what it changes. */
export function gauge(id: string, overrides: Partial<Station> = {}): Station {
  return sampleRiverStation({ id, rtuAddress: `00${id}`, ...overrides });
}

export function arrival(stationId: string, channel: Channel, observedAt: number, receivedAt = observedAt): Arrival {
  return { stationId, channel, observedAt, receivedAt, onSchedule: true };
}

export function reading(stationId: string, element: Element, observedAt: number, value: number, qualityNote?: string): Reading {
  return qualityNote === undefined
    ? { stationId, element, observedAt, value, quality: 'good' }
    : { stationId, element, observedAt, value, quality: 'suspect', qualityNote };
}

/** Observation times from `from` to `to` inclusive, every `stepMs`. */
export function timesBetween(from: number, to: number, stepMs: number): number[] {
  const times: number[] = [];
  for (let t = from; t <= to; t += stepMs) times.push(t);
  return times;
}
