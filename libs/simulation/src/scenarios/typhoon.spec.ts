import type { Station } from '@hydro/domain';
import { committedRegistry, HOUR, observationsOf, START } from '../__fixtures__/registry';
import { scenarioMessages } from '../scenario-messages';
import { toKm } from '../weather/geography';
import { floodLimitLevel } from '../weather/levels-from-limits';
import { MOUNTAIN_DISTRICTS } from '../weather/storm';
import { typhoonScenario } from './weather-scenario';

type Series = { t: number; v: number }[];

/** Cellular reports of one element per station, over a typhoon run of `hours` on part of the registry. */
function seriesOf(stations: readonly Station[], element: string, hours: number, seed = 20230921): Map<string, Series> {
  const series = new Map<string, Series>(stations.map((s) => [s.id, []]));
  const scenario = typhoonScenario({ stations, seed, start: START });
  for (const message of scenarioMessages(scenario, { from: START, to: START + hours * HOUR })) {
    if (message.channel !== 'cellular') continue;
    const [report] = observationsOf(message);
    const value = report?.readings[element];
    if (report !== undefined && value !== undefined) series.get(message.stationId)?.push({ t: report.observedAt, v: value });
  }
  return series;
}

/** Largest sum of values observed within any `hours`-long window (a rolling total). */
function maxRolling(series: Series, hours: number): number {
  let best = 0;
  let sum = 0;
  let tail = 0;
  for (const point of series) {
    sum += point.v;
    while ((series[tail]?.t ?? Infinity) <= point.t - hours * HOUR) sum -= series[tail++]?.v ?? 0;
    best = Math.max(best, sum);
  }
  return best;
}

function distanceKm(a: Station, b: Station): number {
  const p = toKm(a.latitude, a.longitude);
  const q = toKm(b.latitude, b.longitude);
  return Math.hypot(p.east - q.east, p.north - q.north);
}

const registry = committedRegistry();

describe('typhoon scenario', () => {
  const mountainRain = registry.all().filter((s) => s.kind === 'rain' && MOUNTAIN_DISTRICTS.includes(s.district));
  let rain: Map<string, Series>;

  beforeAll(() => {
    rain = seriesOf(mountainRain, 'rainfall', 66);
  });

  it('brings flash-flood rain to the mountain gauges: worst 1 h 40–80 mm, worst 24 h 200–400 mm', () => {
    const oneHour = mountainRain.map((s) => maxRolling(rain.get(s.id) ?? [], 1));
    const day = mountainRain.map((s) => maxRolling(rain.get(s.id) ?? [], 24));
    expect(Math.max(...oneHour)).toBeGreaterThanOrEqual(40);
    expect(Math.max(...oneHour)).toBeLessThanOrEqual(80);
    expect(Math.max(...day)).toBeGreaterThanOrEqual(200);
    expect(Math.max(...day)).toBeLessThanOrEqual(400);
    // Widespread, not one freak gauge: half the mountain gauges pass the red 24 h flash-flood threshold example (200 mm).
    expect(day.filter((d) => d >= 200).length).toBeGreaterThan(mountainRain.length / 2);
  });

  it('keeps every rain report inside its hard limit', () => {
    const over = mountainRain.flatMap((s) => (rain.get(s.id) ?? []).filter((p) => p.v > (s.limits.rainfall?.max ?? 0) || p.v < 0));
    expect(over).toEqual([]);
  });

  it('raises the Nanxi/Ou river gauges hours after the rain around them peaks, then lets them recede exponentially', () => {
    const rivers = registry.all().filter((s) => s.kind === 'river' && s.district === 'yongjia' && s.reportingIntervalMinutes === 5).slice(0, 6);
    const nearbyRain = (river: Station): Station[] => mountainRain.filter((s) => distanceKm(s, river) < 20 && s.reportingIntervalMinutes === 5);
    const levels = seriesOf(rivers, 'water_level', 78);
    for (const river of rivers) {
      const gauges = nearbyRain(river);
      expect(gauges.length).toBeGreaterThanOrEqual(3);
      const hourly = new Array<number>(66).fill(0);
      for (const gauge of gauges) {
        for (const { t, v } of rain.get(gauge.id) ?? []) {
          const hour = Math.floor((t - 1 - START) / HOUR);
          if (hour >= 0 && hour < hourly.length) hourly[hour]! += v / gauges.length;
        }
      }
      const rainPeak = hourly.indexOf(Math.max(...hourly)) + 0.5;
      const series = levels.get(river.id) ?? [];
      const base = series[0]?.v ?? 0;
      const peak = series.reduce((best, p) => (p.v > best.v ? p : best));
      const lag = (peak.t - START) / HOUR - rainPeak;
      expect(lag).toBeGreaterThanOrEqual(1);
      expect(lag).toBeLessThanOrEqual(12);
      expect(peak.v - base).toBeGreaterThan(1.5);
      expect(peak.v).toBeLessThanOrEqual(river.limits.water_level?.max ?? 0);
      const excessAt = (hoursAfter: number): number => (series.find((p) => p.t >= peak.t + hoursAfter * HOUR)?.v ?? Number.NaN) - base;
      const excess = [0, 6, 12, 18, 24].map(excessAt);
      for (let i = 1; i < excess.length; i++) expect(excess[i]!).toBeLessThan(excess[i - 1]!);
      expect(excess[4]!).toBeLessThan(excess[0]! / 2);
    }
  });

  it('fills some reservoirs to their flood-limit level (normal pool − 2 m) and none past its hard limit', () => {
    const reservoirs = registry.byKind('reservoir');
    const levels = seriesOf(reservoirs, 'water_level', 66);
    const peaks = reservoirs.map((r) => ({ station: r, peak: Math.max(...(levels.get(r.id) ?? []).map((p) => p.v)) }));
    const reached = peaks.filter(({ station, peak }) => peak >= floodLimitLevel(station));
    expect(reached.length).toBeGreaterThanOrEqual(1);
    expect(reached.length).toBeLessThan(reservoirs.length);
    for (const { station, peak } of peaks) expect(peak).toBeLessThanOrEqual(station.limits.water_level?.max ?? 0);
  });
});
