import { describeDuration } from './describe-duration';
import type { FlatRun } from './flat-run';
import type { LevelStuckPolicy, RainfallStuckPolicy } from './health-policy';
import type { NeighbourMovement } from './neighbour-movement';
import type { QualityFinding } from './quality-finding';

/**
 * A water level that stopped moving. A run of at least `minReadings` identical readings is stuck
 *  - whatever the neighbours do, once it lasts `quietFlatMs` (72 h): even a sluice-held plain
 *    network level wobbles by a millimetre in three days;
 *  - when it covers the whole neighbour window (reaching into it, and begun at or before its
 *    start) while the neighbours (same kind, same basin) moved by more than `neighbourChange`;
 *  - once it lasts `flatMs` (6 h), unless the neighbours were flat too: then it is flat weather
 *    (dry season, sluices closed) and only the 72 h rule applies. Without enough neighbours
 *    there is no evidence of flat weather, and 6 h applies.
 */
export function levelStuckFinding(
  run: FlatRun,
  neighbours: NeighbourMovement,
  now: number,
  policy: LevelStuckPolicy,
): QualityFinding | undefined {
  if (run.count < policy.minReadings) return undefined;
  const flat = `water level ${run.value} m unchanged for ${describeDuration(run.durationMs)} (${run.count} readings)`;
  const stuck = (reason: string): QualityFinding => ({ kind: 'stuck', element: 'water_level', since: run.firstAt, reason });
  if (run.durationMs >= policy.quietFlatMs) return stuck(flat);

  const median = neighbours.neighbours >= policy.minNeighbours ? neighbours.medianRange : undefined;
  const compared = median !== undefined;
  const moved = compared && median > policy.neighbourChange;
  const windowStart = now - policy.neighbourWindowMs;
  if (moved && run.firstAt <= windowStart && run.lastAt >= windowStart) {
    const by = median.toFixed(2);
    const window = describeDuration(policy.neighbourWindowMs);
    return stuck(`${flat} while ${neighbours.neighbours} neighbouring gauges moved by a median ${by} m in the last ${window}`);
  }
  if (run.durationMs >= policy.flatMs && (moved || !compared)) {
    return stuck(compared ? flat : `${flat}, with no neighbouring gauges to compare`);
  }
  return undefined;
}

/**
 * Rainfall repeating the same non-zero amount interval after interval: a counter or logger
 * fault. Zero is never stuck: days without rain are ordinary dry weather.
 */
export function rainfallStuckFinding(run: FlatRun, policy: RainfallStuckPolicy): QualityFinding | undefined {
  if (run.value === 0 || run.count < policy.minReadings || run.durationMs < policy.flatMs) return undefined;
  return {
    kind: 'stuck',
    element: 'rainfall',
    since: run.firstAt,
    reason: `rainfall ${run.value} mm in every interval for ${describeDuration(run.durationMs)} (${run.count} readings)`,
  };
}
