import { beforeAll, describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import type { RuleSet, WaterLevelRule } from '../../libs/domain/src/rules/rule-set';
import type { Station } from '../../libs/domain/src/stations/station';
import type { StationRegistry } from '../../libs/domain/src/stations/station-registry';
import { loadRuleSet } from '../../libs/ingestion/src/rules/load-rule-set';
import { loadStationRegistry } from '../../libs/ingestion/src/stations/load-station-registry';
import { createScenario, type WeatherScenario } from '@hydro/simulation';

const ROOT = join(__dirname, '..', '..');
const HOUR = 3_600_000;
/** The simulator's default start and seed; the calm run covers the spring tide of 16 September. */
const TYPHOON_START = Date.parse('2023-09-21T08:00:00+08:00');
const CALM_START = Date.parse('2023-09-15T08:00:00+08:00');
/** Coarse enough to run in seconds under Jest (whose sandbox makes every Math call slow), fine enough for peaks. */
const CALM_STEP = 10 * 60_000;
const TYPHOON_STEP = 15 * 60_000;

interface Run {
  /** Highest level per station over the run. */
  readonly peak: ReadonlyMap<string, number>;
  /** Largest rise within the station's rate-of-rise window. */
  readonly rise: ReadonlyMap<string, number>;
  /** Lowest level per station. */
  readonly low: ReadonlyMap<string, number>;
}

function simulate(name: 'calm' | 'typhoon', start: number, hours: number, step: number, stations: readonly Station[], rules: RuleSet): Run {
  const scenario = createScenario(name, { stations, seed: 1, start }) as WeatherScenario;
  const windowOf = new Map(rules.rateOfRise.map((r) => [r.stationId, r.windowMs]));
  const peak = new Map<string, number>();
  const rise = new Map<string, number>();
  const low = new Map<string, number>();
  for (const station of stations) {
    const series: number[] = [];
    for (let t = start; t <= start + hours * HOUR; t += step) series.push(scenario.weather.readings(station, t).water_level ?? Number.NaN);
    peak.set(station.id, Math.max(...series));
    low.set(station.id, Math.min(...series));
    rise.set(station.id, largestRise(series, (windowOf.get(station.id) ?? HOUR) / step));
  }
  return { peak, rise, low };
}

/** The largest `value − lowest value within the previous `steps` samples`, as the rate-of-rise rule measures a rise. */
function largestRise(series: readonly number[], steps: number): number {
  let largest = 0;
  for (let i = 0; i < series.length; i++) {
    let lowest = series[i]!;
    for (let j = Math.max(0, i - steps); j < i; j++) lowest = Math.min(lowest, series[j]!);
    largest = Math.max(largest, series[i]! - lowest);
  }
  return largest;
}

/** The level of the rule's threshold with this code (or its first). */
function levelOf(rule: WaterLevelRule, code?: string): number {
  return (rule.thresholds.find((t) => t.code === code) ?? rule.thresholds[0]!).level;
}

/** What the simulator does to the committed rules: the typhoon crosses some warning levels, calm weather none. */
describe('committed rules against the simulated weather', () => {
  let registry: StationRegistry;
  let rules: RuleSet;
  let calm: Run;
  let typhoon: Run;

  beforeAll(() => {
    registry = loadStationRegistry(join(ROOT, 'config', 'stations.json'));
    rules = loadRuleSet(join(ROOT, 'config', 'rules'), registry);
    const levelGauges = registry.all().filter((s) => s.kind !== 'rain');
    calm = simulate('calm', CALM_START, 48, CALM_STEP, levelGauges, rules);
    typhoon = simulate('typhoon', TYPHOON_START, 72, TYPHOON_STEP, levelGauges, rules);
  });

  function crossing(run: Run, kind: Station['kind'], code?: string): number {
    return rules.waterLevel.filter((r) => registry.get(r.stationId)?.kind === kind && (run.peak.get(r.stationId) ?? -Infinity) >= levelOf(r, code)).length;
  }

  it('keeps every gauge under its lowest level in calm weather, spring tides included', () => {
    const crossed = rules.waterLevel.filter((r) => (calm.peak.get(r.stationId) ?? Infinity) >= levelOf(r));

    expect(crossed.map((r) => r.id)).toEqual([]);
  });

  it.each([
    { kind: 'river' as const, code: 'warning' },
    { kind: 'plain_network' as const, code: 'warning' },
    { kind: 'reservoir' as const, code: 'flood_limit' },
    { kind: 'tide' as const, code: 'tide_blue' },
  ])('has the typhoon cross the $code level at some $kind gauges, not all', ({ kind, code }) => {
    const count = crossing(typhoon, kind, code);

    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(registry.byKind(kind).length);
  });

  it('has the typhoon trip rate-of-rise rules at some river and plain-network gauges, calm weather at none', () => {
    const tripped = (run: Run): string[] => rules.rateOfRise.filter((r) => (run.rise.get(r.stationId) ?? 0) >= r.rise).map((r) => r.stationId);
    const kinds = new Set(tripped(typhoon).map((id) => registry.get(id)?.kind));

    expect(tripped(calm)).toEqual([]);
    expect([...kinds].sort()).toEqual(['plain_network', 'river']);
    expect(tripped(typhoon).length).toBeLessThan(rules.rateOfRise.length);
  });

  it('keeps the venue gauges inside the band, clear of its margin, in calm weather; the typhoon takes some outside', () => {
    const venue = rules.venues[0]!;
    const inside = (run: Run, id: string, margin: number): boolean => (run.low.get(id) ?? -Infinity) >= venue.min + margin && (run.peak.get(id) ?? Infinity) <= venue.max - margin;

    expect(venue.stationIds.filter((id) => !inside(calm, id, venue.margin))).toEqual([]);
    expect(venue.stationIds.filter((id) => !inside(typhoon, id, 0)).length).toBeGreaterThan(0);
  });
});
