import type { Station } from '@hydro/domain';
import { committedRegistry, interpret, START } from '../__fixtures__/registry';
import { HOSTILE_KINDS, hostileMessage } from './hostile-messages';

const registry = committedRegistry();
const fourElements = registry.all().find((s) => s.elements.length === 4)!;
const cellularOnly = registry.all().find((s) => s.channels.length === 1)!;
const dual = registry.all().find((s) => s.channels.length === 2)!;
const TOTAL = HOSTILE_KINDS.reduce((sum, k) => sum + k.weight, 0);

/** The choice in [0, 1) that picks the kind at `index`. */
function choiceFor(index: number): number {
  const before = HOSTILE_KINDS.slice(0, index).reduce((sum, k) => sum + k.weight, 0);
  return (before + 0.5) / TOTAL;
}

describe('hostile messages', () => {
  const cases = HOSTILE_KINDS.flatMap((kind, index) =>
    [fourElements, cellularOnly, dual].flatMap((station: Station) => [0.1, 0.9].map((detail) => ({ kind: kind.kind, index, station, detail }))),
  );

  it.each(cases)('$kind from $station.id (detail $detail) is dead-lettered for its reason', ({ kind, index, station, detail }) => {
    const observation = { observedAt: START, readings: { battery_voltage: 12.7 } };
    const neighbour = registry.all().find((s) => s.id !== station.id)!;
    const message = hostileMessage(choiceFor(index), { station, neighbour, unknownId: '79990037', observation, detail });
    expect(message.kind).toBe(kind);
    const outcome = interpret({ topic: message.topic, payload: message.payload, channel: 'cellular', dueAt: START, stationId: station.id }, registry);
    expect(outcome.deadLetters.map((d) => d.reason)).toContain(message.reason);
  });
});
