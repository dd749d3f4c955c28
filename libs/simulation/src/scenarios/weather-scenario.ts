import { stationKey } from '../random/noise';
import type { Scenario, ScenarioContext, ScenarioName, SimulatedMessage } from '../scenario';
import { MessageBatch } from '../traffic/message-batch';
import { addTimedReports } from '../traffic/timed-reports';
import { NetworkWeather } from '../weather/network-weather';
import { stormTrack } from '../weather/storm';

/** A healthy network under some weather: every RTU reports on time over all its channels. */
export class WeatherScenario implements Scenario {
  readonly weather: NetworkWeather;

  constructor(
    readonly name: ScenarioName,
    private readonly context: ScenarioContext,
    withStorm: boolean,
  ) {
    this.weather = new NetworkWeather(context.seed, context.start, withStorm ? stormTrack(context.seed) : undefined);
  }

  messagesDue(from: number, to: number): SimulatedMessage[] {
    const batch = new MessageBatch(from, to);
    this.context.stations.forEach((station, order) => {
      const traffic = {
        station,
        order,
        key: stationKey(this.context.seed, station.id),
        observe: (t: number) => ({ observedAt: t, readings: this.weather.readings(station, t) }),
      };
      addTimedReports(batch, traffic, this.context.start, from, to);
    });
    return batch.sorted();
  }
}

/** Dry-season calm: tides, small level noise, solar battery cycles, almost no rain. */
export function calmScenario(context: ScenarioContext): Scenario {
  return new WeatherScenario('calm', context, false);
}

/** A typhoon rain band crossing the basins from the south-east over about 48 hours. */
export function typhoonScenario(context: ScenarioContext): Scenario {
  return new WeatherScenario('typhoon', context, true);
}
