import type { ElementLimits, Station } from '@hydro/domain';

/*
 * Characteristic levels of a gauge, read from its hard limits. The registry has no field for
 * bed, normal or flood-limit levels, so the simulator uses the conventions of the synthetic
 * generator (scripts/stations/station-limits.ts), guarded so that any sane limits work:
 *   river:          limits = bed − 3 … bed + 12            → bed = min + range/5
 *   plain network:  limits = normal − 2.5 … normal + 3     → normal = max − 3
 *   reservoir:      limits = normal − ≤30 … normal + 8      → normal pool = max − 8
 * and, for reservoirs, a flood-limit level (汛限水位) the simulator defines as
 *   flood limit = normal pool − 2 m
 * (flood-limit levels lie below the normal pool so that the flood season starts with room).
 */

function levelLimits(station: Station): ElementLimits {
  const limits = station.limits.water_level;
  if (!limits) throw new Error(`station ${station.id} does not measure water_level`);
  return limits;
}

export function riverBedLevel(station: Station): number {
  const { min, max } = levelLimits(station);
  return min + (max - min) / 5;
}

export function plainNormalLevel(station: Station): number {
  const { min, max } = levelLimits(station);
  return max - Math.min(3, ((max - min) * 3) / 5.5);
}

export function reservoirNormalPool(station: Station): number {
  const { min, max } = levelLimits(station);
  return max - Math.min(8, (max - min) / 4);
}

/** The simulator's flood-limit level (汛限水位) for a reservoir: normal pool − 2 m (see above). */
export function floodLimitLevel(station: Station): number {
  const { min, max } = levelLimits(station);
  return reservoirNormalPool(station) - Math.min(2, (max - min) / 10);
}
