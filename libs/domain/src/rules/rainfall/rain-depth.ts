/**
 * Rain depths are summed as whole micrometres (0.001 mm) rather than as floating-point millimetres:
 * sums of integers are exact, so a total built from 0.1 mm tips compares equal to a 35 mm critical
 * rainfall exactly when it should, whatever order the tips were added or corrected in. Gauges resolve
 * 0.1 or 0.5 mm, so nothing a gauge reports is lost.
 */
export const MICROMETRES_PER_MILLIMETRE = 1_000;

/** The depth in whole micrometres; throws RangeError for a negative or non-finite depth. */
export function rainDepthMicrometres(millimetres: number): number {
  if (!Number.isFinite(millimetres) || millimetres < 0) throw new RangeError(`A rain depth must be a finite number of millimetres ≥ 0, not ${millimetres}`);
  return Math.round(millimetres * MICROMETRES_PER_MILLIMETRE);
}

/** Millimetres for people and messages; exact for whole micrometres (e.g. 35100 → 35.1). */
export function millimetresOf(micrometres: number): number {
  return micrometres / MICROMETRES_PER_MILLIMETRE;
}
