import { beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { RuleEngine } from '@hydro/domain/rules/rule-engine';
import type { RuleSet } from '@hydro/domain/rules/rule-set';
import type { StationRegistry } from '@hydro/domain/stations/station-registry';
import { loadStationRegistry } from '../stations/load-station-registry';
import { loadRuleSet } from './load-rule-set';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** The committed config/rules/ as the centre loads it, against the committed registry. */
describe('committed flood rules', () => {
  let registry: StationRegistry;
  let rules: RuleSet;

  beforeAll(() => {
    registry = loadStationRegistry(join(ROOT, 'config', 'stations.json'));
    rules = loadRuleSet(join(ROOT, 'config', 'rules'), registry);
  });

  it('has a water-level rule for every river, plain-network, tide and reservoir gauge', () => {
    const levelGauges = registry.all().filter((s) => s.kind !== 'rain').map((s) => s.id);

    expect(rules.waterLevel.map((r) => r.stationId).sort()).toEqual([...levelGauges].sort());
  });

  it('has a rate-of-rise rule for every river and plain-network gauge', () => {
    const rising = registry.all().filter((s) => s.kind === 'river' || s.kind === 'plain_network').map((s) => s.id);

    expect(rules.rateOfRise.map((r) => r.stationId).sort()).toEqual([...rising].sort());
  });

  it('covers 1,877 warning areas in 129 towns with 13,694 people in risk zones', () => {
    const areas = rules.mountainTorrent.map((r) => r.area);

    expect(areas).toHaveLength(1877);
    expect(new Set(areas.map((a) => `${a.district}/${a.town}`)).size).toBe(129);
    expect(areas.reduce((sum, a) => sum + a.population, 0)).toBe(13_694);
  });

  it('gives each area 1–40 people, 1–3 rain gauges, and one or two town and village contacts with fictional numbers', () => {
    const areas = rules.mountainTorrent.map((r) => r.area);
    const contacts = areas.flatMap((a) => [...a.contacts.town, ...a.contacts.village]);

    expect(areas.filter((a) => a.population < 1 || a.population > 40)).toEqual([]);
    expect(areas.filter((a) => a.gaugeIds.length < 1 || a.gaugeIds.length > 3)).toEqual([]);
    expect(areas.filter((a) => a.gaugeIds.some((id) => registry.get(id)?.kind !== 'rain'))).toEqual([]);
    expect(areas.filter((a) => ![1, 2].includes(a.contacts.town.length) || ![1, 2].includes(a.contacts.village.length))).toEqual([]);
    expect(contacts.filter((c) => !/^\+86 000 0000 \d{4}$/.test(c.phone))).toEqual([]);
  });

  it('mostly takes the wettest gauge, sometimes the areal mean', () => {
    const mean = rules.mountainTorrent.filter((r) => r.area.aggregation === 'mean').length / rules.mountainTorrent.length;

    expect(mean).toBeGreaterThan(0.05);
    expect(mean).toBeLessThan(0.25);
  });

  it('keeps critical rainfall inside the county example ranges, 1 h 35–80 mm up to 24 h 100–200 mm', () => {
    const ranges = new Map([[1, [35, 80]], [3, [55, 120]], [6, [70, 150]], [12, [85, 175]], [24, [100, 200]]]);
    const outside = rules.mountainTorrent.flatMap((r) =>
      r.area.thresholds.filter((t) => {
        const [low, high] = ranges.get(t.windowHours) ?? [0, 0];
        return t.prepare < low! || t.evacuate > high!;
      }),
    );

    expect(outside).toEqual([]);
  });

  it('puts every rule in force in the rule engine', () => {
    const engine = new RuleEngine(rules, registry);

    expect(engine.rules()).toHaveLength(567 + 426 + 1 + 1877);
  });

  it('watches the dragon-boat venue with 3–5 plain-network gauges during the 2023 Asian Games', () => {
    const [venue] = rules.venues;

    expect(rules.venues).toHaveLength(1);
    expect(venue?.stationIds.length).toBeGreaterThanOrEqual(3);
    expect(venue?.stationIds.length).toBeLessThanOrEqual(5);
    expect(venue?.stationIds.every((id) => registry.get(id)?.kind === 'plain_network')).toBe(true);
    expect(venue?.schedule[0]?.from).toBe(Date.parse('2023-09-28T08:00:00+08:00'));
    expect(venue?.schedule.at(-1)?.to).toBe(Date.parse('2023-10-06T13:00:00+08:00'));
  });
});
