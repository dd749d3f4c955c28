import type { Station } from '@hydro/domain';
import { committedRegistry, HOUR, observationsOf, START } from '../__fixtures__/registry';
import { scenarioMessages } from '../scenario-messages';
import { beijingHourOfDay } from '../time/sim-time';
import { M2_PERIOD_HOURS } from '../weather/level-models';
import { calmScenario } from './weather-scenario';

type Series = { t: number; v: number }[];

function seriesOf(stations: readonly Station[], element: string, hours: number): Map<string, Series> {
  const series = new Map<string, Series>(stations.map((s) => [s.id, []]));
  for (const message of scenarioMessages(calmScenario({ stations, seed: 7, start: START }), { from: START, to: START + hours * HOUR })) {
    if (message.channel !== 'cellular') continue;
    const [report] = observationsOf(message);
    const value = report?.readings[element];
    if (report !== undefined && value !== undefined) series.get(message.stationId)?.push({ t: report.observedAt, v: value });
  }
  return series;
}

const registry = committedRegistry();

describe('calm scenario', () => {
  it('keeps rain gauges nearly dry: mostly zeros, no report over 2 mm, no gauge over 10 mm in a day', () => {
    // Every other rain-measuring station: each station's series is independent of the others.
    const gauges = registry.all().filter((s) => s.elements.includes('rainfall')).filter((_, i) => i % 2 === 0);
    const rain = seriesOf(gauges, 'rainfall', 24);
    const values = [...rain.values()].flat().map((p) => p.v);
    expect(values.filter((v) => v === 0).length / values.length).toBeGreaterThan(0.97);
    expect(values.reduce((a, b) => Math.max(a, b), 0)).toBeLessThanOrEqual(2);
    const daily = [...rain.values()].map((series) => series.reduce((sum, p) => sum + p.v, 0));
    expect(Math.max(...daily)).toBeLessThanOrEqual(10);
    expect(Math.max(...daily)).toBeGreaterThan(0);
  });

  it('runs the tide gauges on a ~12.42 h semi-diurnal tide', () => {
    const gauges = registry.byKind('tide');
    const levels = seriesOf(gauges, 'water_level', 75);
    for (const gauge of gauges) {
      const series = levels.get(gauge.id) ?? [];
      const mean = series.reduce((sum, p) => sum + p.v, 0) / series.length;
      // Rising crossings of the mean level, on a 30-minute running mean to ignore sensor noise.
      const smooth = series.map((_, i) => series.slice(Math.max(0, i - 3), i + 3).reduce((s, p) => s + p.v, 0) / Math.min(6, i + 3, series.length - Math.max(0, i - 3)));
      const crossings = series.filter((p, i) => i > 0 && smooth[i - 1]! < mean && smooth[i]! >= mean).map((p) => p.t);
      const period = (crossings[crossings.length - 1]! - crossings[0]!) / (crossings.length - 1) / HOUR;
      expect(crossings.length).toBeGreaterThanOrEqual(5);
      expect(Math.abs(period - M2_PERIOD_HOURS)).toBeLessThan(0.25);
    }
  });

  it('gives the Ou estuary tide gauges a 4–6 m range', () => {
    const gauges = registry.byKind('tide').filter((s) => s.basin === 'ou');
    expect(gauges.length).toBeGreaterThan(0);
    const levels = seriesOf(gauges, 'water_level', 25);
    for (const series of levels.values()) {
      const values = series.map((p) => p.v);
      const range = Math.max(...values) - Math.min(...values);
      expect(range).toBeGreaterThanOrEqual(4);
      expect(range).toBeLessThanOrEqual(6);
    }
  });

  it('charges batteries by day (12.4–13.8 V) and lets them sag at night', () => {
    const stations = registry.all().filter((_, i) => i % 20 === 0);
    const volts = seriesOf(stations, 'battery_voltage', 24);
    for (const series of volts.values()) {
      expect(Math.min(...series.map((p) => p.v))).toBeGreaterThanOrEqual(12.4);
      expect(Math.max(...series.map((p) => p.v))).toBeLessThanOrEqual(13.8);
      const at = (hour: number): number[] => series.filter((p) => Math.floor(beijingHourOfDay(p.t)) === hour).map((p) => p.v);
      expect(Math.min(...at(12))).toBeGreaterThan(Math.max(...at(2)) + 0.8);
    }
  });

  it('holds river, plain-network and reservoir levels within 0.2 m of where they start', () => {
    const gauges = registry.all().filter((s) => s.kind !== 'tide' && s.kind !== 'rain' && s.elements.includes('water_level'));
    const levels = seriesOf(gauges, 'water_level', 24);
    const drift = gauges.map((g) => {
      const values = (levels.get(g.id) ?? []).map((p) => p.v);
      return Math.max(...values) - Math.min(...values);
    });
    expect(Math.max(...drift)).toBeLessThanOrEqual(0.2);
  });
});
