import type { Station } from '../stations/station';
import type { StationRegistry } from '../stations/station-registry';
import type { Arrival, Reading } from '../telemetry/reading';
import type { EquipmentCondition } from './equipment-condition';
import { countByStatus } from './health-counts';
import { DEFAULT_HEALTH_POLICY, type HealthPolicy } from './health-policy';
import type { MaintenancePredicate } from './maintenance';
import { type HealthSweep, NetworkHealth } from './network-health';
import type { StationHealthSnapshot } from './station-health-snapshot';

/**
 * The network's health kept in shards of about `shardSize` stations, so that a sweep of 1,418 stations
 * can be spread over turns of the event loop (one shard per turn) instead of holding it for the whole
 * network at once. A level gauge is judged stuck only against the gauges of its basin and kind, so each
 * such group stays whole in one shard; other stations fill the shards in registry order. Every
 * station's assessment is therefore exactly what one NetworkHealth over the whole registry would give.
 */
export class ShardedNetworkHealth {
  private readonly shards: NetworkHealth[];
  private readonly shardOf = new Map<string, NetworkHealth>();
  /** Registry position of each station: a sweep lists stations and conditions in registry order. */
  private readonly position = new Map<string, number>();

  constructor(registry: Pick<StationRegistry, 'all'>, shardSize: number, policy: HealthPolicy = DEFAULT_HEALTH_POLICY) {
    if (!Number.isInteger(shardSize) || shardSize < 1) throw new Error(`ShardedNetworkHealth: shard size must be a positive integer, not ${shardSize}`);
    const stations = registry.all();
    stations.forEach((station, index) => this.position.set(station.id, index));
    this.shards = packShards(stations, shardSize).map((members) => {
      const shard = new NetworkHealth({ all: () => members }, policy);
      for (const station of members) this.shardOf.set(station.id, shard);
      return shard;
    });
  }

  get shardCount(): number {
    return this.shards.length;
  }

  /** False for a station not in the registry. */
  recordArrival(arrival: Arrival): boolean {
    return this.shardOf.get(arrival.stationId)?.recordArrival(arrival) ?? false;
  }

  /** One message's readings (usually one station's); each shard takes its own in observation order. */
  recordReadings(readings: readonly Reading[]): number {
    const first = readings[0];
    if (first === undefined) return 0;
    if (readings.every((r) => r.stationId === first.stationId)) return this.shardOf.get(first.stationId)?.recordReadings(readings) ?? 0;
    let known = 0;
    for (const [shard, own] of this.split(readings, (r) => r.stationId)) known += shard.recordReadings(own);
    return known;
  }

  /** The start-up picture from the store (see NetworkHealth.restore), each shard given its own stations'. */
  restore(lastArrivals: readonly Arrival[], latest: readonly Reading[], recentReadings: readonly Reading[] = []): void {
    const arrivals = this.split(lastArrivals, (a) => a.stationId);
    const latestOf = this.split(latest, (r) => r.stationId);
    const recentOf = this.split(recentReadings, (r) => r.stationId);
    for (const shard of this.shards) shard.restore(arrivals.get(shard) ?? [], latestOf.get(shard) ?? [], recentOf.get(shard) ?? []);
  }

  /** The stations of shard `index` assessed at `now`. */
  sweepShard(index: number, now: number, underMaintenance: MaintenancePredicate): HealthSweep {
    const shard = this.shards[index];
    if (shard === undefined) throw new RangeError(`no health shard ${index} of ${this.shards.length}`);
    return shard.sweep(now, underMaintenance);
  }

  /** Every shard at once: for an answer wanted now (an API call, the gauges before the first sweep). */
  sweep(now: number, underMaintenance: MaintenancePredicate): HealthSweep {
    return this.combine(
      this.shards.map((shard) => shard.sweep(now, underMaintenance)),
      now,
    );
  }

  /** Shard sweeps as one sweep of the network, stations and conditions in registry order. */
  combine(parts: readonly HealthSweep[], at: number): HealthSweep {
    // Placed by registry position (no sort): a station's own conditions keep the order its shard gave them.
    const snapshotAt: Array<StationHealthSnapshot | undefined> = new Array<StationHealthSnapshot | undefined>(this.position.size);
    const conditionsAt: Array<EquipmentCondition[] | undefined> = new Array<EquipmentCondition[] | undefined>(this.position.size);
    for (const part of parts) {
      for (const snapshot of part.stations) {
        const index = this.position.get(snapshot.stationId);
        if (index !== undefined) snapshotAt[index] = snapshot;
      }
      for (const condition of part.conditions) {
        const index = this.position.get(condition.stationIds[0] ?? '');
        if (index !== undefined) (conditionsAt[index] ??= []).push(condition);
      }
    }
    const stations = snapshotAt.filter((s): s is StationHealthSnapshot => s !== undefined);
    const conditions = conditionsAt.flatMap((c) => c ?? []);
    return { at, stations, conditions, counts: countByStatus(stations) };
  }

  snapshot(stationId: string, now: number, underMaintenance: MaintenancePredicate): StationHealthSnapshot | undefined {
    return this.shardOf.get(stationId)?.snapshot(stationId, now, underMaintenance);
  }

  private split<T>(items: readonly T[], stationOf: (item: T) => string): Map<NetworkHealth, T[]> {
    const byShard = new Map<NetworkHealth, T[]>();
    for (const item of items) {
      const shard = this.shardOf.get(stationOf(item));
      if (shard === undefined) continue;
      const own = byShard.get(shard);
      if (own === undefined) byShard.set(shard, [item]);
      else own.push(item);
    }
    return byShard;
  }
}

/**
 * Stations packed into shards in registry order, a new shard begun when the next unit would overflow
 * the current one. A unit is all the level gauges of one basin and kind (at the place of the first of
 * them) or any other single station; a unit larger than `size` gets a shard of its own.
 */
export function packShards(stations: readonly Station[], size: number): Station[][] {
  const units: Station[][] = [];
  const levelGroups = new Map<string, Station[]>();
  for (const station of stations) {
    if (!station.elements.includes('water_level')) {
      units.push([station]);
      continue;
    }
    const key = `${station.basin}:${station.kind}`;
    const group = levelGroups.get(key);
    if (group !== undefined) group.push(station);
    else {
      const created = [station];
      levelGroups.set(key, created);
      units.push(created);
    }
  }
  const shards: Station[][] = [];
  let current: Station[] = [];
  for (const unit of units) {
    if (current.length > 0 && current.length + unit.length > size) {
      shards.push(current);
      current = [];
    }
    current.push(...unit);
  }
  if (current.length > 0) shards.push(current);
  return shards;
}
