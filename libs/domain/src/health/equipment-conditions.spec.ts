import { describe, expect, it } from '@jest/globals';
import type { Station } from '../stations/station';
import { StationRegistry } from '../stations/station-registry';
import { arrival, gauge, HOUR, MINUTE, reading, T0, timesBetween } from './__fixtures__/health-fixtures';
import type { EquipmentCondition } from './equipment-condition';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import { maintenanceOfStations } from './maintenance';
import { NetworkHealth } from './network-health';

const healthOf = (...stations: Station[]): NetworkHealth => new NetworkHealth(new StationRegistry(stations));
const outcomes = (conditions: readonly EquipmentCondition[]): string[] => conditions.map((c) => `${c.kind} ${c.subjectId} ${c.outcome}`);
const DUAL = gauge('70100001');
const CELLULAR_ONLY = gauge('70100002', { channels: ['cellular'], elements: ['water_level'], limits: { water_level: { min: 0, max: 12 } } });

describe('equipmentConditions', () => {
  it('raises station_offline when the station goes offline and clears it when it reports again', () => {
    const health = healthOf(CELLULAR_ONLY);
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0));
    expect(outcomes(health.conditionsOf(CELLULAR_ONLY.id, T0 + 17 * MINUTE - 1))).toEqual([`station_offline ${CELLULAR_ONLY.id} normal`]);
    const [offline] = health.conditionsOf(CELLULAR_ONLY.id, T0 + 17 * MINUTE);
    expect(offline).toEqual({
      kind: 'station_offline',
      subjectId: CELLULAR_ONLY.id,
      stationIds: [CELLULAR_ONLY.id],
      outcome: 'breach',
      severity: 'yellow',
      observedAt: T0 + 17 * MINUTE,
      since: T0 + 17 * MINUTE,
      details: { reason: 'no report on any channel for 17 min', status: 'offline', lastReceivedAt: T0, neverReported: false },
    });
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0 + 30 * MINUTE));
    expect(health.conditionsOf(CELLULAR_ONLY.id, T0 + 30 * MINUTE)[0]).toMatchObject({ outcome: 'normal', since: undefined });
  });

  it('says that a station never reported', () => {
    expect(healthOf(CELLULAR_ONLY).conditionsOf(CELLULAR_ONLY.id, T0)[0]?.details.reason).toBe('never reported on any channel');
  });

  it('raises channel_down for the dead channel of a station its other channel carries, and clears it', () => {
    const health = healthOf(DUAL);
    health.recordArrival(arrival(DUAL.id, 'cellular', T0));
    for (const t of timesBetween(T0, T0 + HOUR, 5 * MINUTE)) health.recordArrival(arrival(DUAL.id, 'beidou', t, t + 10 * MINUTE));
    const down = health.conditionsOf(DUAL.id, T0 + HOUR);
    expect(outcomes(down)).toEqual([`station_offline ${DUAL.id} normal`, `channel_down ${DUAL.id}:cellular breach`, `channel_down ${DUAL.id}:beidou normal`]);
    expect(down[1]).toMatchObject({ severity: 'blue', since: T0 + 17 * MINUTE, stationIds: [DUAL.id] });
    health.recordArrival(arrival(DUAL.id, 'cellular', T0 + HOUR, T0 + HOUR));
    expect(outcomes(health.conditionsOf(DUAL.id, T0 + HOUR))).toContain(`channel_down ${DUAL.id}:cellular normal`);
  });

  it('leaves channel_down out while the whole station is offline: station_offline speaks for it', () => {
    const health = healthOf(DUAL);
    health.recordArrival(arrival(DUAL.id, 'cellular', T0));
    expect(outcomes(health.conditionsOf(DUAL.id, T0 + 2 * HOUR))).toEqual([`station_offline ${DUAL.id} breach`]);
  });

  it('leaves everything out while the station is under maintenance', () => {
    const health = healthOf(DUAL);
    health.recordReading(reading(DUAL.id, 'battery_voltage', T0, 10.9));
    expect(health.conditionsOf(DUAL.id, T0, maintenanceOfStations(new Set([DUAL.id])))).toEqual([]);
  });

  it('raises battery_low for a low battery and for one falling fast, saying which, and clears it on recovery', () => {
    const health = healthOf(DUAL);
    for (let h = 0; h <= 12; h++) health.recordReading(reading(DUAL.id, 'battery_voltage', T0 + h * HOUR, 14 - 0.125 * h));
    const falling = health.conditionsOf(DUAL.id, T0 + 12 * HOUR).find((c) => c.kind === 'battery_low')!;
    expect(falling).toMatchObject({ outcome: 'breach', since: T0, details: { low: false, falling: true, latestVolts: 12.5, trendVoltsPerHour: -0.125 } });
    health.recordReading(reading(DUAL.id, 'battery_voltage', T0 + 13 * HOUR, 11.25));
    expect(health.conditionsOf(DUAL.id, T0 + 13 * HOUR).find((c) => c.kind === 'battery_low')?.details).toMatchObject({ low: true, falling: true });
    for (let h = 14; h <= 40; h++) health.recordReading(reading(DUAL.id, 'battery_voltage', T0 + h * HOUR, 13.2));
    expect(health.conditionsOf(DUAL.id, T0 + 40 * HOUR).find((c) => c.kind === 'battery_low')?.outcome).toBe('normal');
  });

  it('raises stuck_sensor for a stuck level and clears it when the level moves', () => {
    const health = healthOf(CELLULAR_ONLY);
    for (const t of timesBetween(T0, T0 + 6 * HOUR, 5 * MINUTE)) health.recordReading(reading(CELLULAR_ONLY.id, 'water_level', t, 1.75));
    const stuck = health.conditionsOf(CELLULAR_ONLY.id, T0 + 6 * HOUR).find((c) => c.kind === 'stuck_sensor')!;
    expect(stuck).toMatchObject({ outcome: 'breach', since: T0, severity: 'yellow', details: { elements: 'water_level' } });
    health.recordReading(reading(CELLULAR_ONLY.id, 'water_level', T0 + 6 * HOUR + 5 * MINUTE, 1.76));
    expect(health.conditionsOf(CELLULAR_ONLY.id, T0 + 6 * HOUR + 5 * MINUTE).find((c) => c.kind === 'stuck_sensor')?.outcome).toBe('normal');
  });

  it('raises clock_drift beyond the limit and clears it when fresh reports are on time', () => {
    const health = healthOf(CELLULAR_ONLY);
    const report = (t: number, delay: number): boolean => health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', t, t + delay));
    for (const t of timesBetween(T0, T0 + HOUR, 5 * MINUTE)) report(t, 12 * MINUTE);
    expect(health.conditionsOf(CELLULAR_ONLY.id, T0 + HOUR + 12 * MINUTE).find((c) => c.kind === 'clock_drift')).toMatchObject({ outcome: 'breach', severity: 'blue', details: { medianMs: 12 * MINUTE } });
    for (const t of timesBetween(T0 + 2 * HOUR, T0 + 3 * HOUR, 5 * MINUTE)) report(t, 4_000);
    expect(health.conditionsOf(CELLULAR_ONLY.id, T0 + 3 * HOUR).find((c) => c.kind === 'clock_drift')?.outcome).toBe('normal');
  });

  it('says nothing of battery, stuck sensor or clock before there is data for them', () => {
    expect(healthOf(DUAL).conditionsOf(DUAL.id, T0).map((c) => c.kind)).toEqual(['station_offline']);
  });

  it('takes severities from the policy', () => {
    const policy = { ...DEFAULT_HEALTH_POLICY, severities: { ...DEFAULT_HEALTH_POLICY.severities, station_offline: 'orange' as const } };
    const health = new NetworkHealth(new StationRegistry([CELLULAR_ONLY]), policy);
    expect(health.conditionsOf(CELLULAR_ONLY.id, T0)[0]?.severity).toBe('orange');
  });

  it('gives a sweep the conditions of every station', () => {
    const health = healthOf(DUAL, CELLULAR_ONLY);
    expect(outcomes(health.sweep(T0).conditions)).toEqual([`station_offline ${DUAL.id} breach`, `station_offline ${CELLULAR_ONLY.id} breach`]);
  });
});
