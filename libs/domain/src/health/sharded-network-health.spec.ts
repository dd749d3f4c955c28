import { describe, expect, it } from '@jest/globals';
import type { Station } from '../stations/station';
import { sampleRiverStation } from '../stations/__fixtures__/sample-river-station';
import { StationRegistry } from '../stations/station-registry';
import type { Arrival, Reading } from '../telemetry/reading';
import type { MaintenancePredicate } from './maintenance';
import { NetworkHealth } from './network-health';
import { packShards, ShardedNetworkHealth } from './sharded-network-health';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const NOW = Date.parse('2024-07-20T12:00:00+08:00');

const station = (id: string, overrides: Partial<Station> = {}): Station => sampleRiverStation({ id, rtuAddress: `00${id}`, ...overrides });
const rain = (id: string, basin: Station['basin'] = 'ou'): Station => station(id, { kind: 'rain', basin, channels: ['cellular'], elements: ['rainfall', 'battery_voltage'] });

/** Ou river gauges: FLAT stays at one level for 7 hours while its two neighbours rise (stuck); the others move. */
const FLAT = station('70100001');
const RISING_1 = station('70100002');
const RISING_2 = station('70100003');
/** Three Feiyun reservoir gauges, all flat: flat like their neighbours, so calm water, not stuck. */
const DAM_1 = station('70200001', { kind: 'reservoir', basin: 'feiyun' });
const DAM_2 = station('70200002', { kind: 'reservoir', basin: 'feiyun' });
const DAM_3 = station('70200003', { kind: 'reservoir', basin: 'feiyun' });
/** The second one's rain gauge repeats 0.5 mm for hours: stuck by itself. */
const RAIN = [rain('70500001'), rain('70500002', 'feiyun'), rain('70500003'), rain('70500004', 'ao')];
/** Never heard from. */
const SILENT = rain('70500005');
/** Interleaved, so that a basin's gauges are not next to each other in the registry. */
const STATIONS = [RAIN[0]!, FLAT, DAM_1, RAIN[1]!, RISING_1, SILENT, RAIN[2]!, DAM_2, RISING_2, RAIN[3]!, DAM_3];

const every5Minutes = (from: number, to: number): number[] => Array.from({ length: Math.floor((to - from) / (5 * MINUTE)) + 1 }, (_, i) => from + i * 5 * MINUTE);

/** Seven hours of reports: arrivals on cellular (BeiDou silent), levels, rain, a falling battery at one rain gauge. */
function history(): { arrivals: Arrival[]; readings: Reading[][] } {
  const arrivals: Arrival[] = [];
  const readings: Reading[][] = [];
  for (const t of every5Minutes(NOW - 7 * HOUR, NOW - 5 * MINUTE)) {
    for (const s of STATIONS) {
      if (s === SILENT) continue;
      arrivals.push({ stationId: s.id, channel: 'cellular', observedAt: t, receivedAt: t + 2_000, onSchedule: true });
      const message: Reading[] = [];
      const hours = (t - NOW + 7 * HOUR) / HOUR;
      if (s.elements.includes('water_level')) {
        const value = s === RISING_1 || s === RISING_2 ? 3 + 0.1 * hours : 4.2;
        message.push({ stationId: s.id, element: 'water_level', observedAt: t, value, quality: 'good' });
      }
      message.push({ stationId: s.id, element: 'rainfall', observedAt: t, value: s === RAIN[1] ? 0.5 : 0, quality: 'good' });
      const volts = s === RAIN[2] ? 12.4 - 0.1 * hours : 12.6;
      message.push({ stationId: s.id, element: 'battery_voltage', observedAt: t, value: volts, quality: 'good' });
      readings.push(message);
    }
  }
  return { arrivals, readings };
}

const maintenance: MaintenancePredicate = (stationId, channel) => stationId === RAIN[3]!.id && channel === undefined;

function fed<T extends { recordArrival(a: Arrival): boolean; recordReadings(r: readonly Reading[]): number }>(health: T): T {
  const { arrivals, readings } = history();
  for (const a of arrivals) health.recordArrival(a);
  for (const r of readings) health.recordReadings(r);
  return health;
}

describe('ShardedNetworkHealth', () => {
  const registry = new StationRegistry(STATIONS);
  const whole = fed(new NetworkHealth(registry)).sweep(NOW, maintenance);

  it('has a scenario where the neighbours decide: the flat gauge among rising ones is stuck, the flat dams are not', () => {
    const stuck = whole.conditions.filter((c) => c.kind === 'stuck_sensor' && c.outcome === 'breach').map((c) => c.subjectId);
    expect(stuck).toEqual([FLAT.id, RAIN[1]!.id]);
  });

  it.each([1, 2, 3, 4, 50])('sweeps, with shards of %d stations, exactly as one NetworkHealth over the whole registry', (size) => {
    const sharded = fed(new ShardedNetworkHealth(registry, size));
    expect(sharded.sweep(NOW, maintenance)).toEqual(whole);
    const byShard = Array.from({ length: sharded.shardCount }, (_, i) => sharded.sweepShard(i, NOW, maintenance));
    expect(sharded.combine(byShard, NOW)).toEqual(whole);
  });

  it('restores the start-up picture shard by shard as the whole network would', () => {
    const { arrivals, readings } = history();
    const flat = readings.flat();
    const latest = flat.slice(-20);
    const reference = new NetworkHealth(registry);
    reference.restore(arrivals.slice(-10), latest, flat);
    const sharded = new ShardedNetworkHealth(registry, 2);
    sharded.restore(arrivals.slice(-10), latest, flat);
    expect(sharded.sweep(NOW, maintenance)).toEqual(reference.sweep(NOW, maintenance));
  });

  it('takes a message holding readings of several stations, each to its own shard', () => {
    const sharded = new ShardedNetworkHealth(registry, 1);
    const mixed: Reading[] = [
      { stationId: RAIN[0]!.id, element: 'rainfall', observedAt: NOW, value: 1.5, quality: 'good' },
      { stationId: DAM_2.id, element: 'water_level', observedAt: NOW, value: 55.2, quality: 'good' },
      { stationId: '79999999', element: 'rainfall', observedAt: NOW, value: 1, quality: 'good' },
    ];
    expect(sharded.recordReadings(mixed)).toBe(2);
    expect(sharded.snapshot(RAIN[0]!.id, NOW, maintenance)?.latest.rainfall?.value).toBe(1.5);
    expect(sharded.snapshot(DAM_2.id, NOW, maintenance)?.latest.water_level?.value).toBe(55.2);
    expect(sharded.snapshot('79999999', NOW, maintenance)).toBeUndefined();
  });

  it.each([0, -1, 1.5])('refuses a shard size of %d', (size) => {
    expect(() => new ShardedNetworkHealth(registry, size)).toThrow(/shard size/);
  });
});

describe('packShards', () => {
  const ids = (shards: Station[][]): string[][] => shards.map((s) => s.map((x) => x.id));

  it('keeps the level gauges of one basin and kind together, at the place of the first of them', () => {
    expect(ids(packShards(STATIONS, 3))).toEqual([
      [RAIN[0]!.id],
      [FLAT.id, RISING_1.id, RISING_2.id],
      [DAM_1.id, DAM_2.id, DAM_3.id],
      [RAIN[1]!.id, SILENT.id, RAIN[2]!.id],
      [RAIN[3]!.id],
    ]);
  });

  it.each([
    [2, [[RAIN[0]!.id], [FLAT.id, RISING_1.id, RISING_2.id], [DAM_1.id, DAM_2.id, DAM_3.id], [RAIN[1]!.id, SILENT.id], [RAIN[2]!.id, RAIN[3]!.id]]],
    [4, [[RAIN[0]!.id, FLAT.id, RISING_1.id, RISING_2.id], [DAM_1.id, DAM_2.id, DAM_3.id, RAIN[1]!.id], [SILENT.id, RAIN[2]!.id, RAIN[3]!.id]]],
    [11, [[RAIN[0]!.id, FLAT.id, RISING_1.id, RISING_2.id, DAM_1.id, DAM_2.id, DAM_3.id, RAIN[1]!.id, SILENT.id, RAIN[2]!.id, RAIN[3]!.id]]],
  ])('with room for %d, starts a shard when the next group would overflow it (a larger group alone)', (size, expected) => {
    expect(ids(packShards(STATIONS, size))).toEqual(expected);
  });

  it('makes no shard of no stations', () => {
    expect(packShards([], 5)).toEqual([]);
  });
});
