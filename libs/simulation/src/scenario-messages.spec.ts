import { committedRegistry, fingerprint, HOUR, inDueOrder, START } from './__fixtures__/registry';
import { SCENARIO_NAMES, type ScenarioName, type SimulatedMessage } from './scenario';
import { scenarioMessages } from './scenario-messages';
import { createScenario } from './scenarios/catalogue';

/** Every fifth station of the committed registry: all kinds, channels and intervals, a fifth of the work. */
const stations = committedRegistry().all().filter((_, i) => i % 5 === 0);

function run(name: ScenarioName, seed: number, stepMs?: number): SimulatedMessage[] {
  const scenario = createScenario(name, { stations, seed, start: START });
  return [...scenarioMessages(scenario, { from: START, to: START + 1.5 * HOUR, ...(stepMs === undefined ? {} : { stepMs }) })];
}

describe.each(SCENARIO_NAMES)('%s scenario determinism', (name) => {
  const first = run(name, 42);
  const firstPrint = fingerprint(first);

  it('gives the identical message sequence for the same seed, registry and start', () => {
    expect(fingerprint(run(name, 42))).toEqual(firstPrint);
  });

  it('gives another sequence for another seed', () => {
    const other = fingerprint(run(name, 43));
    expect(other).not.toEqual(firstPrint);
  });

  it('gives the same sequence whatever the window size', () => {
    expect(fingerprint(run(name, 42, 37 * 60_000 + 13))).toEqual(firstPrint);
  });

  it('orders messages by due time, none before the start', () => {
    expect(first.length).toBeGreaterThan(1000);
    expect(first[0]!.dueAt).toBeGreaterThanOrEqual(START);
    expect(inDueOrder(first)).toBe(true);
  });
});
