import { sampleRiverStation } from '../stations/__fixtures__/sample-river-station';
import type { Station } from '../stations/station';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { lookupOf, rainGauge, T0 } from './rainfall/__fixtures__/rain-gauges';
import { torrentRule, warningArea } from './rainfall/__fixtures__/warning-area';
import type { RuleSet } from './rule-set';

/** Station ids of the small network the engine specs run: a river gauge, two venue gauges, two rain gauges. */
export const RIVER = '70100001';
export const VENUE_GAUGES = ['70400001', '70400002'] as const;
export const RAIN = ['70110001', '70110002'] as const;

const plainNetworkGauge = (id: string): Station =>
  sampleRiverStation({ id, rtuAddress: `00${id}`, name: `河网站 ${id}`, kind: 'plain_network', district: 'ouhai', basin: 'wenrui', elements: ['water_level'] });

export const engineStations = lookupOf(sampleRiverStation({ id: RIVER }), ...VENUE_GAUGES.map(plainNetworkGauge), ...RAIN.map((id) => rainGauge(id)));

/** One rule of each kind over that network; limits are binary-exact so edges are exact. */
export function stormRuleSet(): RuleSet {
  return {
    waterLevel: [
      {
        id: 'wl-wenxi',
        kind: 'water_level',
        stationId: RIVER,
        direction: 'rising',
        thresholds: [
          { code: 'warning', name: '警戒水位', level: 4.25, severity: 'yellow' },
          { code: 'guaranteed', name: '保证水位', level: 5, severity: 'orange' },
        ],
        hysteresis: 0.125,
        minDurationMs: 10 * MINUTE_MS,
        clearingDelayMs: 0,
        staleAfterMs: 2 * HOUR_MS,
      },
    ],
    rateOfRise: [
      { id: 'ror-wenxi', kind: 'rate_of_rise', stationId: RIVER, windowMs: 30 * MINUTE_MS, rise: 0.25, severity: 'yellow', clearingDelayMs: 0, staleAfterMs: 2 * HOUR_MS },
    ],
    venues: [
      {
        id: 'venue-dragon-boat',
        kind: 'venue_band',
        venueId: 'wz-dragon-boat',
        name: '温州龙舟运动中心',
        stationIds: [...VENUE_GAUGES],
        min: 3,
        max: 3.5,
        margin: 0.125,
        horizonMs: HOUR_MS,
        trendWindowMs: 30 * MINUTE_MS,
        severities: { approaching: 'blue', outside: 'orange' },
        schedule: [{ from: T0 - HOUR_MS, to: T0 + 6 * HOUR_MS, label: '训练 Training' }],
        minDurationMs: 0,
        clearingDelayMs: 0,
        staleAfterMs: 2 * HOUR_MS,
      },
    ],
    mountainTorrent: [torrentRule(warningArea({ gaugeIds: [...RAIN] }), { clearingDelayMs: 0 })],
  };
}
