import type { Scenario, SimulatedMessage } from './scenario';
import { MINUTE_MS } from './time/sim-time';

export interface ScenarioRun {
  readonly from: number;
  readonly to: number;
  /** Size of the windows asked of the scenario; any size gives the same sequence. */
  readonly stepMs?: number;
}

/** Every message of [from, to) in order, window by window, without holding them all. Pure. */
export function* scenarioMessages(scenario: Scenario, run: ScenarioRun): Generator<SimulatedMessage> {
  const step = run.stepMs ?? 5 * MINUTE_MS;
  for (let t = run.from; t < run.to; t += step) {
    yield* scenario.messagesDue(t, Math.min(run.to, t + step));
  }
}
