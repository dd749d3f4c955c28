import type { Severity } from '../../libs/domain/src/alerts/severity';
import type { LevelThresholdEntry, RateOfRiseDefaults, RateOfRiseEntry, WaterLevelDefaults, WaterLevelEntry } from '../../libs/domain/src/rules/config';
import type { Station } from '../../libs/domain/src/stations/station';
import { floodLimitLevel, plainNormalLevel, reservoirNormalPool, riverBedLevel, type SeededRandom } from '@hydro/simulation';

/*
 * Characteristic levels of each level gauge, read from its hard limits with the simulator's conventions
 * (libs/simulation/src/weather/levels-from-limits.ts), so that the simulated typhoon crosses warning
 * levels at some gauges and the calm scenario at none:
 *   river: calm 1–2 m above the bed; a typhoon raises it 3–9 m above the bed.
 *   plain network: calm 1–9 cm under its normal level; a typhoon 0–1.1 m above it.
 *   reservoir: calm 0.5–4 m under the flood limit; a typhoon overshoots it by up to ~0.7 m at some.
 *   tide: astronomical high water up to 0.25 m + 1.23 × the M2 amplitude; a typhoon adds 0.5–1.4 m.
 */

export const WATER_LEVEL_DEFAULTS: WaterLevelDefaults = { direction: 'rising', clearingDelayMinutes: 30, renotifyAfterMinutes: 60, staleAfterMinutes: 30 };
export const RATE_OF_RISE_DEFAULTS: RateOfRiseDefaults = { clearingDelayMinutes: 30, staleAfterMinutes: 30 };

/** Highest calm high water (m) by estuary: mean 0.25 m + the largest M2 amplitude × (1 + S2 0.15 + M4 0.08). */
const CALM_HIGH_WATER_M: Readonly<Record<string, number>> = { ou: 3.45, feiyun: 3.2, ao: 3.08 };
const CALM_HIGH_WATER_ELSEWHERE_M = 2.96;
/** The four-colour warning tide levels (警戒潮位) stand this far apart. */
const TIDE_STEP_M = 0.3;

function level(code: string, name: string, value: number, severity: Severity): LevelThresholdEntry {
  return { code, name, level: round2(value), severity };
}

/** Levels least severe first, by kind; draws from `random` in a fixed order. */
export function levelThresholds(station: Station, random: SeededRandom): LevelThresholdEntry[] {
  switch (station.kind) {
    case 'river': {
      const warning = riverBedLevel(station) + random.between(4.8, 5.8);
      const guaranteed = warning + random.between(1.5, 2);
      return [
        level('approach', '接近警戒水位', warning - 0.3, 'blue'),
        level('warning', '警戒水位', warning, 'yellow'),
        level('guaranteed', '保证水位', guaranteed, 'orange'),
        level('historical_max', '历史最高水位', guaranteed + random.between(0.8, 1.2), 'red'),
      ];
    }
    case 'plain_network': {
      const warning = plainNormalLevel(station) + random.between(0.6, 0.8);
      const guaranteed = warning + random.between(0.5, 0.7);
      return [
        level('approach', '接近警戒水位', warning - 0.3, 'blue'),
        level('warning', '警戒水位', warning, 'yellow'),
        level('guaranteed', '保证水位', guaranteed, 'orange'),
        level('historical_max', '历史最高水位', guaranteed + random.between(0.3, 0.5), 'red'),
      ];
    }
    case 'reservoir': {
      const design = reservoirNormalPool(station) + random.between(1.5, 2.5);
      return [
        level('flood_limit', '汛限水位', floodLimitLevel(station), 'yellow'),
        level('design_flood', '设计洪水位', design, 'orange'),
        level('check_flood', '校核洪水位', design + random.between(1, 2), 'red'),
      ];
    }
    case 'tide': {
      const blue = (CALM_HIGH_WATER_M[station.basin] ?? CALM_HIGH_WATER_ELSEWHERE_M) + random.between(0.1, 0.2);
      return [
        level('tide_blue', '蓝色警戒潮位', blue, 'blue'),
        level('tide_yellow', '黄色警戒潮位', blue + TIDE_STEP_M, 'yellow'),
        level('tide_orange', '橙色警戒潮位', blue + 2 * TIDE_STEP_M, 'orange'),
        level('tide_red', '红色警戒潮位', blue + 3 * TIDE_STEP_M, 'red'),
      ];
    }
    case 'rain':
      throw new RangeError(`station ${station.id} is a rain gauge: it has no water level`);
  }
}

/** Waves and sluice operations make tide and river levels jumpier than the regulated plain and reservoirs. */
const HYSTERESIS_M = { river: 0.1, plain_network: 0.05, reservoir: 0.05, tide: 0.1 } as const;
const MIN_DURATION_MINUTES = { river: 5, plain_network: 10, reservoir: 0, tide: 5 } as const;

export function waterLevelEntry(station: Station, random: SeededRandom): Partial<WaterLevelEntry> {
  if (station.kind === 'rain') throw new RangeError(`station ${station.id} is a rain gauge: it has no water level`);
  const hourly = station.reportingIntervalMinutes >= 60;
  return {
    id: `wl-${station.id}`,
    stationId: station.id,
    thresholds: levelThresholds(station, random),
    hysteresis: HYSTERESIS_M[station.kind],
    // An hourly gauge would need a second report, an hour on, to show a breach lasted: judge it at once.
    minDurationMinutes: hourly ? 0 : MIN_DURATION_MINUTES[station.kind],
    ...staleness(station),
  };
}

/**
 * Rivers: 0.3 m within an hour, a blue early hint (about half the river gauges in the simulated typhoon).
 * The plain network fills slowly behind its sluices: 0.3 m within 3 hours is already yellow.
 */
export function rateOfRiseEntry(station: Station): Partial<RateOfRiseEntry> | undefined {
  const rate = station.kind === 'river' ? RIVER_RATE : station.kind === 'plain_network' ? PLAIN_RATE : undefined;
  return rate === undefined ? undefined : { id: `ror-${station.id}`, stationId: station.id, ...rate, ...staleness(station) };
}

const RIVER_RATE = { windowMinutes: 60, rise: 0.3, severity: 'blue' } as const;
const PLAIN_RATE = { windowMinutes: 180, rise: 0.3, severity: 'yellow' } as const;

/** Only where it differs from the file's default (30 min): hourly gauges go stale after three hours. */
function staleness(station: Station): { staleAfterMinutes?: number } {
  return station.reportingIntervalMinutes >= 60 ? { staleAfterMinutes: 3 * station.reportingIntervalMinutes } : {};
}

export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
