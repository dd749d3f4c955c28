/**
 * Rules are written in decimal metres (4.20, 0.10) that binary floating point cannot hold exactly:
 * 4.20 − 0.10 is 4.1000000000000005. Level comparisons allow a nanometre, far below any gauge's
 * resolution, so that a reading exactly at a configured level counts as at it, as people read the rule.
 */
export const LEVEL_TOLERANCE_M = 1e-9;

/** `value ≥ limit`, up to the tolerance. */
export function atOrAbove(value: number, limit: number): boolean {
  return value >= limit - LEVEL_TOLERANCE_M;
}

/** `value ≤ limit`, up to the tolerance. */
export function atOrBelow(value: number, limit: number): boolean {
  return value <= limit + LEVEL_TOLERANCE_M;
}

/** Metres rounded to the millimetre for people (and never −0, which JSON and equality tell apart). */
export function toMillimetre(metres: number): number {
  return Math.round(metres * 1000) / 1000 + 0;
}
