import type { Channel, Station } from '@hydro/domain';
import { noise, stationKey, STREAM } from '../random/noise';
import type { Scenario, ScenarioContext, SimulatedMessage } from '../scenario';
import { hostileMessage } from '../traffic/hostile-messages';
import { MessageBatch } from '../traffic/message-batch';
import type { Observation } from '../traffic/payloads';
import { addTimedReports } from '../traffic/timed-reports';
import { NetworkWeather } from '../weather/network-weather';

/** After each normal message, a hostile one follows with this chance: 1 message in 20 is hostile. */
export const HOSTILE_CHANCE = 1 / 19;

/**
 * The calm scenario's traffic, unchanged, with malformed and hostile messages slipped in
 * beside it: bad JSON, unknown stations, wrong types, far-future and offset-less timestamps,
 * oversize payloads, unknown elements, payloads naming another station than their topic.
 */
export class GarbageScenario implements Scenario {
  readonly name = 'garbage';
  private readonly weather: NetworkWeather;
  private readonly unknownIds: string[];

  constructor(private readonly context: ScenarioContext) {
    this.weather = new NetworkWeather(context.seed, context.start);
    this.unknownIds = unknownStationIds(context.stations, 50);
  }

  messagesDue(from: number, to: number): SimulatedMessage[] {
    const batch = new MessageBatch(from, to);
    const { stations, seed, start } = this.context;
    stations.forEach((station, order) => {
      const key = stationKey(seed, station.id);
      const neighbour = stations[(order + 1) % stations.length] ?? station;
      const slipIn = (channel: Channel, dueAt: number, observation: Observation): void => {
        const slot = Math.floor(dueAt / 1000) * 2 + (channel === 'beidou' ? 1 : 0);
        if (noise(key, STREAM.hostile, slot) >= HOSTILE_CHANCE) return;
        const detail = noise(key, STREAM.hostileDetail, slot);
        const unknownId = this.unknownIds[Math.floor(detail * this.unknownIds.length)] ?? '79999999';
        const hostile = hostileMessage(noise(key, STREAM.hostileKind, slot), { station, neighbour, unknownId, observation, detail });
        const stationId = hostile.topic.slice(hostile.topic.lastIndexOf('/') + 1);
        batch.addMessage(order, { topic: hostile.topic, payload: hostile.payload, channel: 'cellular', dueAt, stationId, expectedDeadLetter: hostile.reason });
      };
      const traffic = { station, order, key, observe: (t: number) => ({ observedAt: t, readings: this.weather.readings(station, t) }) };
      addTimedReports(batch, traffic, start, from, to, undefined, slipIn);
    });
    return batch.sorted();
  }
}

/** 8-digit ids in the 7999xxxx range that the registry does not hold. */
function unknownStationIds(stations: readonly Station[], count: number): string[] {
  const known = new Set(stations.map((s) => s.id));
  const ids: string[] = [];
  for (let n = 0; ids.length < count && n < 10_000; n += 37) {
    const id = `7999${String(n).padStart(4, '0')}`;
    if (!known.has(id)) ids.push(id);
  }
  return ids;
}

export function garbageScenario(context: ScenarioContext): Scenario {
  return new GarbageScenario(context);
}
