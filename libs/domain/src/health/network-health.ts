import type { StationRegistry } from '../stations/station-registry';
import type { Arrival, Reading } from '../telemetry/reading';
import { assessStation } from './assess-station';
import type { EquipmentCondition } from './equipment-condition';
import { equipmentConditions } from './equipment-conditions';
import type { HealthCounts } from './health-counts';
import { countByStatus } from './health-counts';
import type { HealthPolicy } from './health-policy';
import { DEFAULT_HEALTH_POLICY, healthPolicyProblems } from './health-policy';
import type { MaintenancePredicate } from './maintenance';
import { NO_MAINTENANCE } from './maintenance';
import type { NeighbourMovement } from './neighbour-movement';
import { NeighbourRanges } from './neighbour-movement';
import type { StationHealthSnapshot } from './station-health-snapshot';
import { StationTelemetry } from './station-telemetry';

/** Everything one sweep finds. */
export interface HealthSweep {
  readonly at: number;
  /** In registry order. */
  readonly stations: readonly StationHealthSnapshot[];
  readonly conditions: readonly EquipmentCondition[];
  readonly counts: HealthCounts;
}

const NO_NEIGHBOURS: NeighbourMovement = { neighbours: 0, medianRange: undefined };

/**
 * The health of every station in the registry. Arrivals and readings are recorded as they
 * come (O(1) amortised each, bounded memory per station); a sweep assesses every station at
 * a given moment. Time is always passed in.
 */
export class NetworkHealth {
  private readonly stations: StationTelemetry[] = [];
  private readonly byId = new Map<string, StationTelemetry>();
  /** Level gauges by basin and kind: each other's neighbours for the stuck-sensor check. */
  private readonly levelGroups = new Map<string, StationTelemetry[]>();

  constructor(
    registry: Pick<StationRegistry, 'all'>,
    private readonly policy: HealthPolicy = DEFAULT_HEALTH_POLICY,
  ) {
    const problems = healthPolicyProblems(policy);
    if (problems.length > 0) throw new Error(`NetworkHealth: invalid health policy: ${problems.join('; ')}`);
    for (const station of registry.all()) {
      const telemetry = new StationTelemetry(station, policy);
      this.stations.push(telemetry);
      this.byId.set(station.id, telemetry);
      if (telemetry.level) {
        const key = groupKey(telemetry);
        const group = this.levelGroups.get(key);
        if (group) group.push(telemetry);
        else this.levelGroups.set(key, [telemetry]);
      }
    }
  }

  /** False for a station not in the registry. */
  recordArrival(arrival: Arrival): boolean {
    const telemetry = this.byId.get(arrival.stationId);
    telemetry?.recordArrival(arrival);
    return telemetry !== undefined;
  }

  /** The hot path: every reading, from either channel. False for a station not in the registry. */
  recordReading(reading: Reading): boolean {
    const telemetry = this.byId.get(reading.stationId);
    telemetry?.recordReading(reading);
    return telemetry !== undefined;
  }

  /**
   * The readings of one message (a BeiDou catch-up batch may hold a week of them), taken in
   * observation order whatever order the payload gave: newest-first would otherwise make all
   * but the first look late. Returns how many belonged to known stations.
   */
  recordReadings(readings: readonly Reading[]): number {
    let known = 0;
    for (const reading of inObservationOrder(readings)) if (this.recordReading(reading)) known++;
    return known;
  }

  /**
   * Rebuilds the picture at start-up from the store: the last arrival per station and
   * channel (so that stations that were reporting stay online, and silent ones stay offline),
   * the latest reading per station and element, and optionally recent readings (flat runs,
   * battery trend, neighbour windows). Order within each list does not matter.
   */
  restore(lastArrivals: readonly Arrival[], latest: readonly Reading[], recentReadings: readonly Reading[] = []): void {
    for (const arrival of [...lastArrivals].sort((a, b) => a.receivedAt - b.receivedAt)) this.recordArrival(arrival);
    this.recordReadings(recentReadings);
    this.recordReadings(latest);
  }

  sweep(now: number, underMaintenance: MaintenancePredicate = NO_MAINTENANCE): HealthSweep {
    const neighbours = new Map<string, NeighbourRanges>();
    const stations = this.stations.map((telemetry) =>
      assessStation(telemetry, now, underMaintenance, this.neighbourMovement(telemetry, now, neighbours), this.policy),
    );
    const conditions = stations.flatMap((snapshot) => equipmentConditions(snapshot, this.policy));
    return { at: now, stations, conditions, counts: countByStatus(stations) };
  }

  /** One station at `now`; undefined when it is not in the registry. */
  snapshot(stationId: string, now: number, underMaintenance: MaintenancePredicate = NO_MAINTENANCE): StationHealthSnapshot | undefined {
    const telemetry = this.byId.get(stationId);
    if (telemetry === undefined) return undefined;
    return assessStation(telemetry, now, underMaintenance, this.neighbourMovement(telemetry, now, new Map()), this.policy);
  }

  /** The equipment conditions of one station at `now`. */
  conditionsOf(stationId: string, now: number, underMaintenance: MaintenancePredicate = NO_MAINTENANCE): EquipmentCondition[] {
    const snapshot = this.snapshot(stationId, now, underMaintenance);
    return snapshot ? equipmentConditions(snapshot, this.policy) : [];
  }

  /**
   * Neighbour ranges are worked out per basin+kind group only when a gauge of the group has a
   * flat run long enough to be judged, once per sweep: most sweeps compute none.
   */
  private neighbourMovement(telemetry: StationTelemetry, now: number, cache: Map<string, NeighbourRanges>): NeighbourMovement {
    if (!telemetry.level || telemetry.level.run.count < this.policy.levelStuck.minReadings) return NO_NEIGHBOURS;
    const key = groupKey(telemetry);
    let ranges = cache.get(key);
    if (ranges === undefined) {
      const from = now - this.policy.levelStuck.neighbourWindowMs;
      const rangeOf = new Map<string, number>();
      for (const gauge of this.levelGroups.get(key) ?? []) {
        const range = gauge.level?.recent.rangeSince(from);
        if (range !== undefined && range.count >= 2) rangeOf.set(gauge.station.id, range.max - range.min);
      }
      ranges = new NeighbourRanges(rangeOf);
      cache.set(key, ranges);
    }
    return ranges.seenFrom(telemetry.station.id);
  }
}

function inObservationOrder(readings: readonly Reading[]): readonly Reading[] {
  for (let i = 1; i < readings.length; i++) {
    if (readings[i]!.observedAt < readings[i - 1]!.observedAt) return [...readings].sort((a, b) => a.observedAt - b.observedAt);
  }
  return readings;
}

function groupKey(telemetry: StationTelemetry): string {
  return `${telemetry.station.basin}:${telemetry.station.kind}`;
}
