import type { VenueBandRule } from '../../rule-set';
import { T0 } from '../level/__fixtures__/level-readings';

const MIN = 60_000;
const H = 60 * MIN;

export const TRAINING = { from: T0, to: T0 + 4 * H, label: '训练 Training' };
export const RACES = { from: T0 + 24 * H, to: T0 + 28 * H, label: '龙舟竞速 Dragon boat races' };

/**
 * The dragon-boat venue's band over gauges P1 and P2, for training (T0, 4 h) and races a day later.
 * Binary-exact limits, so that "exactly at the edge" is exact; specs state what they change.
 */
export function dragonBoatVenueRule(overrides: Partial<VenueBandRule> = {}): VenueBandRule {
  return {
    id: 'venue-dragon-boat',
    kind: 'venue_band',
    venueId: 'wz-dragon-boat',
    name: '温州龙舟运动中心',
    stationIds: ['P1', 'P2'],
    min: 2.5,
    max: 3.5,
    margin: 0.125,
    horizonMs: 2 * H,
    trendWindowMs: H,
    severities: { approaching: 'blue', outside: 'orange' },
    schedule: [RACES, TRAINING],
    minDurationMs: 0,
    clearingDelayMs: 30 * MIN,
    staleAfterMs: 30 * MIN,
    ...overrides,
  };
}
