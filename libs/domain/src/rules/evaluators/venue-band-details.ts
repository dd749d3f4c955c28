import type { AlertDetails } from '../../alerts/alert-outcome';
import type { VenueBandRule } from '../rule-set';
import { toMillimetre } from './level/level-tolerance';
import type { GaugeInBand } from './venue-band-position';

/**
 * What dispatch needs to act on the sluices: how far the worst gauge is beyond (positive) or inside
 * (negative) the nearest limit, its trend in cm/h, when it leaves the band at that trend (whole
 * minutes, rounded down; 0 when already out, null when not heading out), and every gauge's value
 * (null for one silent or not yet heard). `gauges` follows the rule's station order.
 */
export function venueBandDetails(
  rule: VenueBandRule,
  state: 'approaching' | 'outside',
  gauges: readonly (GaugeInBand | undefined)[],
  worst: GaugeInBand,
  window: string,
): AlertDetails {
  return {
    venueId: rule.venueId,
    venueName: rule.name,
    state,
    min: rule.min,
    max: rule.max,
    worstStationId: worst.stationId,
    value: worst.value,
    distance: toMillimetre(worst.distance),
    trendCmPerHour: worst.trendPerHour === undefined ? null : Math.round(worst.trendPerHour * 1000) / 10 + 0,
    leavesInMinutes: worst.leavesInHours === undefined ? null : Math.floor(worst.leavesInHours * 60),
    gauges: rule.stationIds.map((stationId, i) => ({ stationId, value: gauges[i]?.value ?? null })),
    window,
  };
}
