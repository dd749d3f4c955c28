import { committedRegistry, HOUR, interpret, START } from '../__fixtures__/registry';
import type { Scenario } from '../scenario';
import { scenarioMessages } from '../scenario-messages';
import { OutagesScenario } from './outages';
import { calmScenario, typhoonScenario } from './weather-scenario';

/*
 * Ties the simulator to the message contract: what the healthy-traffic scenarios send is
 * accepted by interpretTelemetry with no dead letter and every reading inside its hard limits
 * (stored as good, not suspect). interpretTelemetry costs ~40 µs a message, so each run is
 * checked on every message of a long window plus 5-minute windows spread over the whole run
 * (each holds one report of every 5-minute station, and on the hour, of every hourly one).
 */
const registry = committedRegistry();
const context = { stations: registry.all(), seed: 3, start: START };

/** [from, to) in hours after the start: one window, then 5-minute windows every `every` hours up to `hours`. */
function windows(from: number, to: number, every: number, hours: number): [number, number][] {
  const spread: [number, number][] = [];
  for (let h = 0; h < hours; h += every) if (h + 1 / 12 <= from || h >= to) spread.push([h, h + 1 / 12]);
  return [[from, to], ...spread];
}

function problems(scenario: Scenario, checked: readonly [number, number][]): string[] {
  const found: string[] = [];
  for (const [from, to] of checked) {
    for (const m of scenarioMessages(scenario, { from: START + from * HOUR, to: START + to * HOUR })) {
      const outcome = interpret(m, registry);
      for (const d of outcome.deadLetters) found.push(`${m.stationId} ${d.reason}: ${d.detail}`);
      for (const r of outcome.readings) if (r.quality !== 'good') found.push(`${m.stationId} ${r.element} ${r.value} ${r.quality}: ${r.qualityNote ?? ''}`);
    }
  }
  return found.slice(0, 20);
}

describe('simulated traffic against the message contract', () => {
  it('calm: every message of the first quarter-hour and of 5-minute windows over two days pass', () => {
    expect(problems(calmScenario(context), windows(0, 0.25, 8, 48))).toEqual([]);
  });

  it('typhoon: every message of a peak quarter-hour over the mountains and of 5-minute windows over three days pass', () => {
    expect(problems(typhoonScenario(context), windows(30, 30.25, 8, 72))).toEqual([]);
  });

  it('outages: every message of the half-hour the outage ends (batches included) and of 5-minute windows over 12 hours pass', () => {
    const scenario = new OutagesScenario(context);
    const end = (scenario.plan.outageTo - START) / HOUR;
    expect(problems(scenario, windows(end - 0.25, end + 0.25, 2, 12))).toEqual([]);
  });
});
