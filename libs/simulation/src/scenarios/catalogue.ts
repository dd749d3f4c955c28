import type { Scenario, ScenarioContext, ScenarioName } from '../scenario';
import { garbageScenario } from './garbage';
import { outagesScenario } from './outages';
import { calmScenario, typhoonScenario } from './weather-scenario';

export interface ScenarioEntry {
  readonly summary: string;
  /** Simulated hours a run lasts unless told otherwise: long enough to see the whole story. */
  readonly defaultHours: number;
  readonly create: (context: ScenarioContext) => Scenario;
}

export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioEntry>> = {
  calm: { summary: 'dry-season calm: tides, small level noise, solar battery cycles, almost no rain', defaultHours: 24, create: calmScenario },
  typhoon: { summary: 'a typhoon rain band crossing the basins from the south-east over ~48 h, floods and recession', defaultHours: 72, create: typhoonScenario },
  outages: { summary: 'a district loses cellular (BeiDou batches), silent stations, draining batteries, a stuck gauge, a drifting clock', defaultHours: 12, create: outagesScenario },
  garbage: { summary: 'calm traffic with 1 message in 20 malformed or hostile', defaultHours: 6, create: garbageScenario },
};

export function createScenario(name: ScenarioName, context: ScenarioContext): Scenario {
  return SCENARIOS[name].create(context);
}
