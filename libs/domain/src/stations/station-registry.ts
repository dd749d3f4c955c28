import type { BasinCode } from './basins';
import type { DistrictCode } from './districts';
import type { Station, StationKind } from './station';

const NONE: readonly Station[] = Object.freeze([]);

/**
 * The known stations, looked up by id and grouped by district, basin and kind.
 * Built from an already validated list (see parseStationRegistry); immutable afterwards.
 */
export class StationRegistry {
  private readonly byId = new Map<string, Station>();
  private readonly stations: readonly Station[];
  private readonly districtGroups = new Map<string, Station[]>();
  private readonly basinGroups = new Map<string, Station[]>();
  private readonly kindGroups = new Map<string, Station[]>();

  constructor(stations: readonly Station[]) {
    for (const station of stations) {
      // Validation already rejects duplicates; this guards hand-built registries (tests, fixtures).
      if (this.byId.has(station.id)) {
        throw new Error(`StationRegistry: duplicate station id ${station.id}`);
      }
      this.byId.set(station.id, station);
      addTo(this.districtGroups, station.district, station);
      addTo(this.basinGroups, station.basin, station);
      addTo(this.kindGroups, station.kind, station);
    }
    this.stations = Object.freeze([...stations]);
    for (const groups of [this.districtGroups, this.basinGroups, this.kindGroups]) {
      groups.forEach((group) => Object.freeze(group));
    }
  }

  get size(): number {
    return this.stations.length;
  }

  get(id: string): Station | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** In file order. */
  all(): readonly Station[] {
    return this.stations;
  }

  byDistrict(district: DistrictCode): readonly Station[] {
    return this.districtGroups.get(district) ?? NONE;
  }

  byBasin(basin: BasinCode): readonly Station[] {
    return this.basinGroups.get(basin) ?? NONE;
  }

  byKind(kind: StationKind): readonly Station[] {
    return this.kindGroups.get(kind) ?? NONE;
  }
}

function addTo(groups: Map<string, Station[]>, key: string, station: Station): void {
  const group = groups.get(key);
  if (group) {
    group.push(station);
  } else {
    groups.set(key, [station]);
  }
}
