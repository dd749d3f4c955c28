import { committedRegistry, fingerprint, HOUR, interpret, START } from '../__fixtures__/registry';
import { scenarioMessages } from '../scenario-messages';
import { GarbageScenario, HOSTILE_CHANCE } from './garbage';
import { calmScenario } from './weather-scenario';

const registry = committedRegistry();
const context = { stations: registry.all(), seed: 5, start: START };
const run = { from: START, to: START + HOUR };

describe('garbage scenario', () => {
  const messages = [...scenarioMessages(new GarbageScenario(context), run)];
  const hostile = messages.filter((m) => m.expectedDeadLetter !== undefined);
  const normal = messages.filter((m) => m.expectedDeadLetter === undefined);

  it('makes about 1 message in 20 hostile', () => {
    const share = hostile.length / messages.length;
    expect(HOSTILE_CHANCE / (1 + HOSTILE_CHANCE)).toBeCloseTo(0.05, 10);
    expect(share).toBeGreaterThan(0.044);
    expect(share).toBeLessThan(0.056);
  });

  it('leaves the normal traffic exactly as in the calm scenario', () => {
    const calm = [...scenarioMessages(calmScenario(context), run)];
    expect(fingerprint(normal)).toEqual(fingerprint(calm));
  });

  it('has every hostile message dead-lettered with the reason it was made for', () => {
    const missed = hostile.filter((m) => {
      const reasons = interpret(m, registry).deadLetters.map((d) => d.reason);
      return reasons.length === 0 || reasons.some((r) => r === undefined) || !reasons.includes(m.expectedDeadLetter!);
    });
    expect(missed).toEqual([]);
    expect(new Set(hostile.map((m) => m.expectedDeadLetter)).size).toBeGreaterThanOrEqual(9);
  });

  it('has no normal message dead-lettered', () => {
    const rejected = normal.filter((m) => interpret(m, registry).deadLetters.length > 0);
    expect(rejected).toEqual([]);
  });
});
