import { HOUR_MS } from '../../time/durations';
import type { VenueBandRule } from '../rule-set';
import { atOrAbove, atOrBelow } from './level/level-tolerance';

/** The venue's verdict levels, as SustainedLevel counts them: index 0 is normal. */
export const BAND_STATES = ['inside', 'approaching', 'outside'] as const;
export type BandState = (typeof BAND_STATES)[number];

/** Where one gauge stands against the venue's band. */
export interface GaugeInBand {
  readonly stationId: string;
  readonly value: number;
  /** Least-squares trend, m/h; undefined with a single reading in the trend window. */
  readonly trendPerHour: number | undefined;
  /** Metres beyond the nearest limit: positive outside, negative inside. */
  readonly distance: number;
  /** Hours until the trend takes it out: 0 when already out, undefined when not heading out. */
  readonly leavesInHours: number | undefined;
  /** Index into BAND_STATES. */
  readonly level: number;
}

/**
 * One gauge against [min, max]. Outside below min or above max (a value exactly at a limit is inside).
 * Approaching when within `margin` of a limit (exactly the margin counts), or when the trend would
 * reach a limit within `horizonMs` (exactly the horizon counts).
 */
export function placeInBand(
  band: Pick<VenueBandRule, 'min' | 'max' | 'margin' | 'horizonMs'>,
  stationId: string,
  value: number,
  trendPerHour: number | undefined,
): GaugeInBand {
  const distance = Math.max(value - band.max, band.min - value);
  const outside = !atOrAbove(value, band.min) || !atOrBelow(value, band.max);
  const heading = trendPerHour === undefined || trendPerHour === 0 ? 0 : Math.sign(trendPerHour);
  const room = heading > 0 ? band.max - value : band.min - value;
  const leavesInHours = outside ? 0 : heading === 0 ? undefined : room / trendPerHour!;
  let level = 0;
  if (outside) level = 2;
  else if (atOrAbove(distance, -band.margin)) level = 1;
  // Compared as distances (metres the trend covers within the horizon) so the edge is as exact as the margin's.
  else if (heading !== 0 && atOrAbove(Math.abs(trendPerHour!) * (band.horizonMs / HOUR_MS), Math.abs(room))) level = 1;
  return { stationId, value, trendPerHour, distance, leavesInHours, level };
}

/** Most severe first, then furthest out (or nearest a limit), then the rule's order of gauges. */
export function worstInBand(gauges: readonly (GaugeInBand | undefined)[]): GaugeInBand | undefined {
  let worst: GaugeInBand | undefined;
  for (const gauge of gauges) {
    if (gauge === undefined) continue;
    if (worst === undefined || gauge.level > worst.level || (gauge.level === worst.level && gauge.distance > worst.distance)) worst = gauge;
  }
  return worst;
}
