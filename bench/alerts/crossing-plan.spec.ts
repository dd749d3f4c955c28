import { describe, expect, it } from '@jest/globals';
import type { Station, WaterLevelRule } from '@hydro/domain';
import { calmLevelFor, planCrossings } from './crossing-plan';

function station(id: string, min = 0, max = 20): Station {
  return {
    id,
    name: id,
    kind: 'river',
    district: 'lucheng',
    basin: 'ou',
    elements: ['water_level'],
    channels: ['cellular'],
    reportingIntervalMinutes: 5,
    limits: { water_level: { min, max } },
  } as unknown as Station;
}

function rule(stationId: string, overrides: Partial<WaterLevelRule> = {}): WaterLevelRule {
  return {
    id: `wl-${stationId}`,
    kind: 'water_level',
    stationId,
    direction: 'rising',
    thresholds: [
      { code: 'approach', name: '接近警戒水位', level: 9.7, severity: 'blue' },
      { code: 'warning', name: '警戒水位', level: 10, severity: 'yellow' },
      { code: 'guaranteed', name: '保证水位', level: 12, severity: 'orange' },
    ],
    hysteresis: 0.1,
    minDurationMs: 0,
    clearingDelayMs: 0,
    staleAfterMs: 1_800_000,
    ...overrides,
  };
}

const stations = (...list: Station[]): Map<string, Station> => new Map(list.map((s) => [s.id, s]));

describe('planCrossings', () => {
  it('crosses just above 警戒水位 from a level below the first threshold and its hysteresis, expecting its severity', () => {
    const [planned] = planCrossings([rule('A')], stations(station('A')));
    expect(planned).toEqual({ stationId: 'A', ruleId: 'wl-A', calmLevel: 8.7, crossingLevel: 10.05, severity: 'yellow', thresholdName: '警戒水位' });
  });

  it.each([
    ['a minimum duration of one ms', { minDurationMs: 1 }],
    ['a falling rule', { direction: 'falling' as const }],
  ])('leaves out a rule with %s: one report would not raise at once', (_what, overrides) => {
    expect(planCrossings([rule('A', overrides)], stations(station('A')))).toEqual([]);
  });

  it.each([
    ['hard maximum exactly at the crossing level', 10.05, 1],
    ['hard maximum one mm short of the crossing level', 10.049, 0],
  ])('keeps the crossing inside the hard limits (%s)', (_what, max, expected) => {
    expect(planCrossings([rule('A')], stations(station('A', 0, max)))).toHaveLength(expected);
  });

  it.each([
    ['the calm level exactly at the first threshold less hysteresis and margin', 9.55, 1],
    ['the calm level one mm above that', 9.551, 0],
  ])('needs a calm level that raises nothing (%s)', (_what, min, expected) => {
    expect(planCrossings([rule('A')], stations(station('A', min, 20)))).toHaveLength(expected);
  });

  it('crosses the first threshold when the rule has no 警戒水位, and stays below the next level', () => {
    const thresholds = [
      { code: 'flood_limit', name: '汛限水位', level: 5, severity: 'blue' as const },
      { code: 'design_flood', name: '设计洪水位', level: 5.04, severity: 'orange' as const },
    ];
    expect(planCrossings([rule('A', { thresholds })], stations(station('A')))).toEqual([]);
    const roomy = [thresholds[0]!, { ...thresholds[1]!, level: 6 }];
    expect(planCrossings([rule('A', { thresholds: roomy })], stations(station('A')))[0]).toMatchObject({ crossingLevel: 5.05, severity: 'blue' });
  });

  it('skips a rule whose station is not in the registry', () => {
    expect(planCrossings([rule('A'), rule('B')], stations(station('B'))).map((c) => c.stationId)).toEqual(['B']);
  });
});

describe('calmLevelFor', () => {
  it('sits below every rising rule with room to spare', () => {
    const level = calmLevelFor(station('A'), [rule('A')]);
    expect(level).toBeDefined();
    expect(level!).toBeLessThanOrEqual(9.7 - 0.1 - 1 + 0.05);
  });

  it('sits between a falling rule and a rising one, inside the band', () => {
    const falling = rule('A', { direction: 'falling', thresholds: [{ code: 'low', name: '低水位', level: 3, severity: 'blue' }] });
    const level = calmLevelFor(station('A'), [rule('A'), falling])!;
    expect(level).toBeGreaterThan(3.1);
    expect(level).toBeLessThan(9.6);
  });

  it.each([
    ['the band closed by one mm', 9.551, undefined],
    ['the band exactly one point wide', 9.55, 9.55],
  ])('gives up only when no level raises nothing (%s)', (_what, min, expected) => {
    expect(calmLevelFor(station('A', min, 20), [rule('A')])).toBe(expected);
  });

  it('uses the middle of the hard limits for a gauge without rules', () => {
    expect(calmLevelFor(station('A', 2, 6), [])).toBe(4);
  });
});
