import { describe, expect, it } from '@jest/globals';
import type { Station } from '../stations/station';
import { StationRegistry } from '../stations/station-registry';
import type { Arrival } from '../telemetry/reading';
import { arrival, gauge, HOUR, MINUTE, reading, T0, timesBetween } from './__fixtures__/health-fixtures';
import type { HealthPolicy } from './health-policy';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import { NetworkHealth } from './network-health';
import type { QualityFindingKind } from './quality-finding';

const healthOf = (stations: Station[], policy: HealthPolicy = DEFAULT_HEALTH_POLICY): NetworkHealth =>
  new NetworkHealth(new StationRegistry(stations), policy);
const kinds = (health: NetworkHealth, id: string, now: number): QualityFindingKind[] => health.snapshot(id, now)!.findings.map((f) => f.kind);
const STEP = 5 * MINUTE;

function feedLevels(health: NetworkHealth, id: string, from: number, to: number, level: (t: number) => number): void {
  for (const t of timesBetween(from, to, STEP)) health.recordReading(reading(id, 'water_level', t, level(t)));
}

describe('stuck water level', () => {
  const lone = gauge('70300001', { basin: 'feiyun' });

  it('is stuck after 6 h of identical readings with nothing to compare, and not 5 minutes earlier', () => {
    const health = healthOf([lone]);
    feedLevels(health, lone.id, T0, T0 + 6 * HOUR - STEP, () => 3.5);
    expect(kinds(health, lone.id, T0 + 6 * HOUR)).toEqual([]);
    feedLevels(health, lone.id, T0 + 6 * HOUR, T0 + 6 * HOUR, () => 3.5);
    expect(health.snapshot(lone.id, T0 + 6 * HOUR)!.findings).toEqual([
      { kind: 'stuck', element: 'water_level', since: T0, reason: 'water level 3.5 m unchanged for 6 h (73 readings), with no neighbouring gauges to compare' },
    ]);
  });

  it('is stuck after 2 h flat while the river gauges of its basin rose', () => {
    const neighbours = ['70100021', '70100022', '70100023'].map((id) => gauge(id));
    const suspect = gauge('70100020');
    const health = healthOf([suspect, ...neighbours]);
    for (const n of neighbours) feedLevels(health, n.id, T0, T0 + 3 * HOUR, (t) => 2 + (t - T0) / HOUR / 5);
    feedLevels(health, suspect.id, T0, T0 + 3 * HOUR, () => 2.4);
    expect(kinds(health, suspect.id, T0 + 2 * HOUR - 1)).toEqual([]);
    expect(kinds(health, suspect.id, T0 + 2 * HOUR)).toEqual(['stuck']);
    expect(health.snapshot(suspect.id, T0 + 3 * HOUR)!.findings[0]!.reason).toContain('while 3 neighbouring gauges moved by a median 0.40 m in the last 2 h');
    expect(neighbours.map((n) => kinds(health, n.id, T0 + 3 * HOUR))).toEqual([[], [], []]);
  });

  it('is not stuck when flat in flat weather (dry-season plain network, sluices closed), until 72 h', () => {
    const plain = (id: string): Station => gauge(id, { kind: 'plain_network', basin: 'wenrui', district: 'ouhai' });
    const suspect = plain('70800030');
    const neighbours = ['70800031', '70800032', '70800033'].map(plain);
    const health = healthOf([suspect, ...neighbours]);
    // Neighbours wobble by 5 mm: flat weather, but not themselves stuck.
    for (const n of neighbours) feedLevels(health, n.id, T0, T0 + 72 * HOUR, (t) => ((t - T0) / STEP) % 2 === 0 ? 2.8 : 2.805);
    feedLevels(health, suspect.id, T0, T0 + 10 * HOUR, () => 2.8);
    expect(kinds(health, suspect.id, T0 + 10 * HOUR)).toEqual([]);
    feedLevels(health, suspect.id, T0 + 10 * HOUR + STEP, T0 + 72 * HOUR - STEP, () => 2.8);
    expect(kinds(health, suspect.id, T0 + 72 * HOUR)).toEqual([]);
    feedLevels(health, suspect.id, T0 + 72 * HOUR, T0 + 72 * HOUR, () => 2.8);
    expect(kinds(health, suspect.id, T0 + 72 * HOUR)).toEqual(['stuck']);
  });

  it('takes a batch given newest first in observation order', () => {
    const health = healthOf([lone]);
    const batch = timesBetween(T0, T0 + 6 * HOUR, STEP).map((t) => reading(lone.id, 'water_level', t, 3.5)).reverse();
    expect(health.recordReadings([...batch, reading('79999999', 'water_level', T0, 1)])).toBe(batch.length);
    expect(health.snapshot(lone.id, T0 + 6 * HOUR)!.findings.map((f) => [f.kind, f.since])).toEqual([['stuck', T0]]);
  });

  it('leaves the flat run alone for a late reading and ignores copies', () => {
    const health = healthOf([lone]);
    feedLevels(health, lone.id, T0, T0 + 6 * HOUR, () => 3.5);
    health.recordReading(reading(lone.id, 'water_level', T0 + 3 * HOUR + MINUTE, 9));
    health.recordReading(reading(lone.id, 'water_level', T0 + 6 * HOUR, 9));
    const snapshot = health.snapshot(lone.id, T0 + 6 * HOUR)!;
    expect([snapshot.latest.water_level?.value, snapshot.findings.map((f) => f.kind)]).toEqual([3.5, ['stuck']]);
  });
});

describe('stuck rainfall', () => {
  const rain = gauge('70500040', { kind: 'rain', elements: ['rainfall'], limits: { rainfall: { min: 0, max: 60 } } });

  it.each([
    ['0 mm for three days (dry weather)', 0, 72 * HOUR, false],
    ['0.5 mm in every interval for 3 h', 0.5, 3 * HOUR, true],
    ['0.5 mm in every interval for 2 h 55 min', 0.5, 3 * HOUR - STEP, false],
  ])('%s: stuck %s', (_case, mm, length, stuck) => {
    const health = healthOf([rain]);
    for (const t of timesBetween(T0, T0 + length, STEP)) health.recordReading(reading(rain.id, 'rainfall', t, mm));
    expect(kinds(health, rain.id, T0 + length)).toEqual(stuck ? ['stuck'] : []);
  });
});

describe('spikes', () => {
  it('flags a water level that jumps and comes straight back, dated at the jump', () => {
    const health = healthOf([gauge('70100050')]);
    [2, 2, 3, 2, 2].forEach((level, i) => health.recordReading(reading('70100050', 'water_level', T0 + i * STEP, level)));
    expect(health.snapshot('70100050', T0 + HOUR)!.findings).toEqual([
      { kind: 'spike', element: 'water_level', since: T0 + 2 * STEP, reason: 'a spike in the last 1 d, latest 2 → 3 → 2 m' },
    ]);
    expect(kinds(health, '70100050', T0 + 2 * STEP + 24 * HOUR)).toEqual(['spike']);
    expect(kinds(health, '70100050', T0 + 2 * STEP + 24 * HOUR + 1)).toEqual([]);
  });

  it('does not flag a real rain burst, which rises and falls as sharply', () => {
    const rain = gauge('70500051', { kind: 'rain', elements: ['rainfall'], limits: { rainfall: { min: 0, max: 60 } } });
    const health = healthOf([rain]);
    [0, 0, 25, 0, 0].forEach((mm, i) => health.recordReading(reading(rain.id, 'rainfall', T0 + i * STEP, mm)));
    expect(kinds(health, rain.id, T0 + HOUR)).toEqual([]);
  });
});

describe('out of limits', () => {
  it('reflects the suspect note ingestion gave, since the first reading outside, and clears on a reading inside', () => {
    const station = gauge('70100060');
    const health = healthOf([station]);
    const note = 'water_level 13 m above hard limit 12 m';
    health.recordReading(reading(station.id, 'water_level', T0, 13, note));
    health.recordReading(reading(station.id, 'water_level', T0 + STEP, 13.5, 'water_level 13.5 m above hard limit 12 m'));
    expect(health.snapshot(station.id, T0 + STEP)!.findings).toEqual([
      { kind: 'out_of_limits', element: 'water_level', since: T0, reason: 'water_level 13.5 m above hard limit 12 m' },
    ]);
    health.recordReading(reading(station.id, 'water_level', T0 + 2 * STEP, 5));
    expect(kinds(health, station.id, T0 + 2 * STEP)).toEqual([]);
  });

  it('says why itself when a reading outside the limits carries no note', () => {
    const health = healthOf([gauge('70100061')]);
    health.recordReading(reading('70100061', 'battery_voltage', T0, 16));
    expect(health.snapshot('70100061', T0)!.findings.find((f) => f.kind === 'out_of_limits')?.reason).toBe('battery_voltage 16 V above hard limit 15 V');
  });
});

describe('battery', () => {
  const station = gauge('70100070');
  const feed = (health: NetworkHealth, points: [hours: number, volts: number][]): void => {
    for (const [h, v] of points) health.recordReading(reading(station.id, 'battery_voltage', T0 + h * HOUR, v));
  };
  const line = (hours: number[], slope: number): [number, number][] => hours.map((h) => [h, 12.5 + slope * h]);

  it.each([
    ['11.5 V is not low', 11.5, []],
    ['11.49 V is low', 11.49, ['battery_low']],
  ])('%s', (_case, volts, expected) => {
    const health = healthOf([station]);
    feed(health, [[0, volts]]);
    expect(kinds(health, station.id, T0)).toEqual(expected);
  });

  it('dates a low battery from the first low reading of the current low spell', () => {
    const health = healthOf([station]);
    feed(health, [[0, 11.4], [1, 11.3]]);
    expect(health.snapshot(station.id, T0 + HOUR)!.findings[0]).toMatchObject({ kind: 'battery_low', since: T0, reason: 'battery 11.3 V, below 11.5 V' });
    feed(health, [[2, 11.6], [3, 11.2]]);
    expect(health.snapshot(station.id, T0 + 3 * HOUR)!.findings[0]).toMatchObject({ kind: 'battery_low', since: T0 + 3 * HOUR });
  });

  it('fits the trend over the last 24 h of observation time only', () => {
    const health = healthOf([station]);
    feed(health, [[-6, 9.5], [-3, 9.5], ...line(Array.from({ length: 25 }, (_, h) => h), -0.0625)]);
    expect(health.snapshot(station.id, T0 + 24 * HOUR)!.battery).toEqual({ latestVolts: 11, latestAt: T0 + 24 * HOUR, trendVoltsPerHour: -0.0625, trendPoints: 25 });
  });

  it.each([
    ['6 points over 6 h', true, [0, 1, 2, 3, 4, 6]],
    ['6 points over 6 h less 1 ms', false, [0, 1, 2, 3, 4, 6 - 1 / HOUR]],
    ['5 points over 6 h', false, [0, 1, 2, 3, 6]],
  ])('needs enough points and span for a trend: %s → %s', (_case, trend, hours) => {
    const health = healthOf([station]);
    feed(health, line(hours, -0.0625));
    expect(health.snapshot(station.id, T0 + 6 * HOUR)!.battery?.trendVoltsPerHour !== undefined).toBe(trend);
  });

  it.each([
    ['a slope exactly at the threshold', false, -0.0625],
    ['a slope just below the threshold', true, -0.0625 - 1 / 1024],
  ])('is falling below the configured slope: %s → %s', (_case, falling, slope) => {
    const policy = { ...DEFAULT_HEALTH_POLICY, battery: { ...DEFAULT_HEALTH_POLICY.battery, fallingVoltsPerHour: -0.0625 } };
    const health = healthOf([station], policy);
    feed(health, line([0, 2, 4, 6, 8, 10, 12], slope));
    expect(kinds(health, station.id, T0 + 12 * HOUR).includes('battery_falling')).toBe(falling);
  });
});

describe('clock drift', () => {
  const station = gauge('70100080');
  const reports = (channel: 'cellular' | 'beidou', delay: number): Arrival[] =>
    timesBetween(T0, T0 + HOUR, STEP).map((t) => arrival(station.id, channel, t, t + delay));

  it('is taken from cellular messages only; BeiDou is late by design', () => {
    const health = healthOf([station]);
    for (const a of [...reports('cellular', 2 * MINUTE), ...reports('beidou', 40 * MINUTE)]) health.recordArrival(a);
    expect(health.snapshot(station.id, T0 + HOUR)!.clockDrift).toEqual({ medianMs: 2 * MINUTE, samples: 12 });
    const beidouOnly = healthOf([station]);
    for (const a of reports('beidou', 40 * MINUTE)) beidouOnly.recordArrival(a);
    expect(beidouOnly.snapshot(station.id, T0 + HOUR)!.clockDrift).toBeUndefined();
  });

  it.each([
    [10 * MINUTE, []],
    [10 * MINUTE + 1, ['clock_drift']],
    [-10 * MINUTE, []],
    [-10 * MINUTE - 1, ['clock_drift']],
  ])('with every cellular report %d ms after its observation time, finds %j', (delay, expected) => {
    const health = healthOf([station]);
    for (const a of reports('cellular', delay)) health.recordArrival(a);
    expect(kinds(health, station.id, T0 + 2 * HOUR)).toEqual(expected);
  });

  it('says which way the clock is off', () => {
    const health = healthOf([station]);
    for (const a of reports('cellular', -14 * MINUTE)) health.recordArrival(a);
    expect(health.snapshot(station.id, T0 + HOUR)!.findings[0]).toMatchObject({ kind: 'clock_drift', since: T0 - 14 * MINUTE + 5 * MINUTE });
    expect(health.snapshot(station.id, T0 + HOUR)!.findings[0]!.reason).toMatch(/^station clock 14 min ahead/);
  });
});
