import { committedRegistry, HOUR, observationsOf, START } from '../__fixtures__/registry';
import type { SimulatedMessage } from '../scenario';
import { scenarioMessages } from '../scenario-messages';
import { DRIFT_MAX_MS } from './outage-plan';
import { OutagesScenario } from './outages';

const registry = committedRegistry();
const scenario = new OutagesScenario({ stations: registry.all(), seed: 11, start: START });
const { plan } = scenario;
/** Past the outage (+7 h) and the drifting clock's full 8-minute lead (+8 h). */
const END = START + 8.5 * HOUR;

describe('outages scenario', () => {
  const byStation = new Map<string, SimulatedMessage[]>();
  beforeAll(() => {
    for (const message of scenarioMessages(scenario, { from: START, to: END })) {
      const list = byStation.get(message.stationId) ?? [];
      list.push(message);
      byStation.set(message.stationId, list);
    }
  });
  const during = (m: SimulatedMessage): boolean => m.dueAt >= plan.outageFrom && m.dueAt < plan.outageTo;
  const isBatch = (m: SimulatedMessage): boolean => m.payload.includes('"observations"');

  it('takes a district off cellular: its dual-channel RTUs send only BeiDou batches, covering every observation once', () => {
    expect(plan.beidouOnly.size).toBeGreaterThan(20);
    for (const id of plan.beidouOnly) {
      const station = registry.get(id)!;
      const messages = (byStation.get(id) ?? []).filter(during);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((m) => m.channel === 'beidou')).toBe(true);
      const batches = (byStation.get(id) ?? []).filter(isBatch);
      const covered = batches.flatMap((m) => observationsOf(m).map((o) => o.observedAt));
      const expected = (plan.outageTo - plan.outageFrom) / (station.reportingIntervalMinutes * 60_000);
      expect(new Set(covered).size).toBe(covered.length);
      expect(covered).toHaveLength(expected);
      expect(covered.every((t) => t >= plan.outageFrom && t < plan.outageTo)).toBe(true);
      // Late: every batch arrives after its last observation.
      for (const m of batches) expect(m.dueAt).toBeGreaterThan(Math.max(...observationsOf(m).map((o) => o.observedAt)));
    }
  });

  it('silences the cellular-only RTUs of that district during the outage, and them only then', () => {
    expect(plan.cutOff.size).toBeGreaterThan(0);
    for (const id of plan.cutOff) {
      const messages = byStation.get(id) ?? [];
      expect(messages.filter(during)).toEqual([]);
      expect(messages.length).toBeGreaterThan(0);
    }
  });

  it('makes a dozen stations fall silent for good', () => {
    expect(plan.silentFrom.size).toBe(12);
    for (const [id, from] of plan.silentFrom) {
      const messages = byStation.get(id) ?? [];
      expect(messages.filter((m) => m.dueAt >= from + 3 * 60_000)).toEqual([]);
      expect(messages.filter((m) => m.dueAt >= START + 3 * HOUR)).toEqual([]);
    }
  });

  it('drains batteries below 11.5 V', () => {
    for (const id of plan.draining) {
      const volts = (byStation.get(id) ?? []).flatMap(observationsOf).map((o) => o.readings.battery_voltage!);
      expect(Math.min(...volts)).toBeLessThan(11.5);
      expect(Math.min(...volts)).toBeGreaterThanOrEqual(registry.get(id)!.limits.battery_voltage!.min);
    }
  });

  it('sticks level sensors at one value', () => {
    expect(plan.stuckFrom.size).toBe(2);
    for (const [id, from] of plan.stuckFrom) {
      const reports = (byStation.get(id) ?? []).flatMap(observationsOf);
      const after = new Set(reports.filter((o) => o.observedAt >= from).map((o) => o.readings.water_level));
      const before = new Set(reports.filter((o) => o.observedAt < from).map((o) => o.readings.water_level));
      expect(after.size).toBe(1);
      expect(reports.filter((o) => o.observedAt >= from).length).toBeGreaterThan(12);
      expect(before.size).toBeGreaterThan(1);
    }
  });

  it('runs one RTU clock minutes ahead, growing, inside the 10-minute tolerance of the centre', () => {
    const messages = byStation.get(plan.drifting ?? '') ?? [];
    const ahead = messages.map((m) => observationsOf(m)[0]!.observedAt - m.dueAt);
    expect(ahead[0]).toBe(0);
    expect(Math.max(...ahead)).toBe(DRIFT_MAX_MS);
    expect(DRIFT_MAX_MS).toBeLessThan(10 * 60_000);
    for (let i = 1; i < ahead.length; i++) expect(ahead[i]!).toBeGreaterThanOrEqual(ahead[i - 1]!);
  });
});
