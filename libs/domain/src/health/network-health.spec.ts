import { describe, expect, it } from '@jest/globals';
import type { Station } from '../stations/station';
import { StationRegistry } from '../stations/station-registry';
import { arrival, gauge, HOUR, MINUTE, reading, T0, timesBetween } from './__fixtures__/health-fixtures';
import { DEFAULT_HEALTH_POLICY } from './health-policy';
import type { MaintenancePredicate } from './maintenance';
import { maintenanceOfStations } from './maintenance';
import { NetworkHealth } from './network-health';

const healthOf = (...stations: Station[]): NetworkHealth => new NetworkHealth(new StationRegistry(stations));
const CELLULAR_ONLY = gauge('70100002', { channels: ['cellular'] });
const DUAL = gauge('70100003');

describe('NetworkHealth status', () => {
  it.each([
    [7 * MINUTE - 1, 'online', T0],
    [7 * MINUTE, 'late', T0 + 7 * MINUTE],
    [17 * MINUTE - 1, 'late', T0 + 7 * MINUTE],
    [17 * MINUTE, 'offline', T0 + 17 * MINUTE],
  ])('a 5-minute cellular station last heard at T0 is, %d ms later, %s since its edge', (elapsed, status, since) => {
    const health = healthOf(CELLULAR_ONLY);
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0, T0));
    expect(health.snapshot(CELLULAR_ONLY.id, T0 + elapsed)).toMatchObject({ status, since, lastReceivedAt: T0, neverReported: false });
  });

  it('comes back online on the next report, online since that report', () => {
    const health = healthOf(CELLULAR_ONLY);
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0, T0));
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0 + 20 * MINUTE, T0 + 20 * MINUTE + 3_000));
    expect(health.snapshot(CELLULAR_ONLY.id, T0 + 21 * MINUTE)).toMatchObject({ status: 'online', since: T0 + 20 * MINUTE + 3_000 });
  });

  it('keeps the online-since of a channel that never missed a report', () => {
    const health = healthOf(CELLULAR_ONLY);
    for (const t of timesBetween(T0, T0 + HOUR, 5 * MINUTE)) health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', t, t + 5_000));
    expect(health.snapshot(CELLULAR_ONLY.id, T0 + HOUR + MINUTE)?.since).toBe(T0 + 5_000);
  });

  it('is under maintenance while the predicate says so, and offline again when it ends', () => {
    const health = healthOf(CELLULAR_ONLY);
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0));
    const untilOneHour: MaintenancePredicate = (id, channel, at) => id === CELLULAR_ONLY.id && channel === undefined && at < T0 + HOUR;
    expect(health.snapshot(CELLULAR_ONLY.id, T0 + HOUR - 1, untilOneHour)?.status).toBe('maintenance');
    expect(health.snapshot(CELLULAR_ONLY.id, T0 + HOUR, untilOneHour)?.status).toBe('offline');
  });

  it('keeps a dual-channel station online on BeiDou, late and batched, while cellular is down, showing cellular degraded', () => {
    const health = healthOf(DUAL);
    health.recordArrival(arrival(DUAL.id, 'cellular', T0, T0));
    // BeiDou copies of every 5-minute report, delivered in batches every 25 minutes.
    for (const t of timesBetween(T0, T0 + 2 * HOUR, 5 * MINUTE)) {
      health.recordArrival(arrival(DUAL.id, 'beidou', t, T0 + Math.ceil((t - T0 + 1) / (25 * MINUTE)) * 25 * MINUTE));
    }
    const snapshot = health.snapshot(DUAL.id, T0 + 2 * HOUR + 10 * MINUTE)!;
    expect(snapshot.status).toBe('online');
    expect(snapshot.degradedChannels).toEqual(['cellular']);
    expect(snapshot.channels.map((c) => [c.channel, c.status])).toEqual([['cellular', 'offline'], ['beidou', 'online']]);
  });

  it('carries a station on its other channel when one is under maintenance, without calling that one degraded', () => {
    const health = healthOf(DUAL);
    health.recordArrival(arrival(DUAL.id, 'beidou', T0, T0 + 10 * MINUTE));
    const cellularWork: MaintenancePredicate = (_id, channel) => channel === 'cellular';
    const snapshot = health.snapshot(DUAL.id, T0 + 20 * MINUTE, cellularWork)!;
    expect([snapshot.status, snapshot.degradedChannels, snapshot.channels[0]?.status]).toEqual(['online', [], 'maintenance']);
  });

  it('calls a station never heard from offline and never reported, with no last receipt', () => {
    const snapshot = healthOf(DUAL).snapshot(DUAL.id, T0)!;
    expect(snapshot).toMatchObject({ status: 'offline', neverReported: true, lastReceivedAt: undefined, since: undefined });
    expect(snapshot.channels.every((c) => c.neverReported && c.status === 'offline')).toBe(true);
  });

  it('ignores arrivals and readings of stations it does not know, and knows no snapshot of them', () => {
    const health = healthOf(DUAL);
    expect(health.recordArrival(arrival('79999999', 'cellular', T0))).toBe(false);
    expect(health.recordReading(reading('79999999', 'rainfall', T0, 1))).toBe(false);
    expect(health.recordReading(reading(DUAL.id, 'rainfall', T0, 1))).toBe(true);
    expect(health.snapshot('79999999', T0)).toBeUndefined();
  });

  it('keeps the newest receipt and observation when arrivals come out of order', () => {
    const health = healthOf(DUAL);
    health.recordArrival(arrival(DUAL.id, 'cellular', T0 + 10 * MINUTE, T0 + 10 * MINUTE));
    health.recordArrival(arrival(DUAL.id, 'beidou', T0, T0 + 40 * MINUTE));
    health.recordArrival(arrival(DUAL.id, 'cellular', T0 + 5 * MINUTE, T0 + 6 * MINUTE));
    const snapshot = health.snapshot(DUAL.id, T0 + 41 * MINUTE)!;
    expect([snapshot.lastReceivedAt, snapshot.lastObservedAt, snapshot.channels[0]?.lastReceivedAt]).toEqual([T0 + 40 * MINUTE, T0 + 10 * MINUTE, T0 + 10 * MINUTE]);
  });
});

describe('NetworkHealth restore', () => {
  const A = gauge('70100011', { channels: ['cellular'] });
  const B = gauge('70100012', { channels: ['cellular'] });
  const C = gauge('70100013', { channels: ['cellular'] });
  const NOW = T0 + 48 * HOUR;

  it('marks neither every station offline nor every station online after a restart', () => {
    const health = healthOf(A, B, C);
    health.restore([arrival(B.id, 'cellular', NOW - 24 * HOUR), arrival(A.id, 'cellular', NOW - 3 * MINUTE)], [reading(A.id, 'water_level', NOW - 3 * MINUTE, 4.2)]);
    const statuses = health.sweep(NOW).stations.map((s) => [s.stationId, s.status, s.neverReported]);
    expect(statuses).toEqual([[A.id, 'online', false], [B.id, 'offline', false], [C.id, 'offline', true]]);
    expect(health.snapshot(A.id, NOW)?.latest.water_level?.value).toBe(4.2);
  });

  it('rebuilds flat runs and battery trends from recent readings given in any order', () => {
    const health = healthOf(A);
    const levels = timesBetween(NOW - 7 * HOUR, NOW, 5 * MINUTE).map((t) => reading(A.id, 'water_level', t, 3.5));
    const battery = timesBetween(NOW - 24 * HOUR, NOW, HOUR).map((t) => reading(A.id, 'battery_voltage', t, 13.5 - ((t - NOW + 24 * HOUR) / HOUR) * 0.0625));
    const latest = [levels[levels.length - 1]!, battery[battery.length - 1]!];
    health.restore([arrival(A.id, 'cellular', NOW)], latest, [...levels, ...battery].reverse());
    const snapshot = health.snapshot(A.id, NOW)!;
    expect(snapshot.findings.map((f) => f.kind)).toEqual(['stuck', 'battery_falling']);
    expect(snapshot.battery?.trendVoltsPerHour).toBe(-0.0625);
  });
});

describe('NetworkHealth sweep', () => {
  it('counts stations by status and channels by status per channel', () => {
    const health = healthOf(CELLULAR_ONLY, DUAL, gauge('70100004'));
    health.recordArrival(arrival(CELLULAR_ONLY.id, 'cellular', T0));
    health.recordArrival(arrival(DUAL.id, 'beidou', T0));
    const { counts } = health.sweep(T0 + MINUTE, maintenanceOfStations(new Set(['70100004'])));
    expect(counts.stations).toEqual({ online: 2, late: 0, offline: 0, maintenance: 1 });
    expect(counts.channels.cellular).toEqual({ online: 1, late: 0, offline: 1, maintenance: 1 });
    expect(counts.channels.beidou).toEqual({ online: 1, late: 0, offline: 0, maintenance: 1 });
  });

  it('assesses every station in registry order at the sweep time', () => {
    const health = healthOf(DUAL, CELLULAR_ONLY);
    const sweep = health.sweep(T0);
    expect(sweep.stations.map((s) => [s.stationId, s.at])).toEqual([[DUAL.id, T0], [CELLULAR_ONLY.id, T0]]);
    expect(sweep.at).toBe(T0);
  });

  it('refuses an unusable policy at construction, naming the setting', () => {
    const registry = new StationRegistry([DUAL]);
    expect(() => new NetworkHealth(registry, { ...DEFAULT_HEALTH_POLICY, offlineAfterMissed: 0 })).toThrow(/offlineAfterMissed/);
  });
});
