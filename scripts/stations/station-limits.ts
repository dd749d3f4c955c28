import type { DistrictCode } from '../../libs/domain/src/stations/districts';
import type { ElementLimits, StationKind } from '../../libs/domain/src/stations/station';
import type { Element } from '../../libs/domain/src/telemetry/element';
import type { SeededRandom } from '@hydro/simulation';
import { ELEVATION_RANGE_M } from './station-geography';

/*
 * Physically possible ranges per station: wide enough for a record flood, narrow enough to catch
 * a sensor reporting garbage. Levels are metres above the 1985 national height datum.
 */

export const BATTERY_LIMITS: ElementLimits = { min: 9, max: 15 };
/** Astronomical tide plus typhoon surge along the Wenzhou coast stays well inside this. */
export const TIDE_LIMITS: ElementLimits = { min: -4, max: 8 };

/** Most rain one report can carry: intense bursts reach ~60 mm in 5 minutes, ~200 mm in an hour. */
export function rainfallMaxPerReport(intervalMinutes: number): number {
  if (intervalMinutes <= 5) {
    return 60;
  }
  if (intervalMinutes <= 15) {
    return 100;
  }
  if (intervalMinutes <= 30) {
    return 150;
  }
  if (intervalMinutes <= 60) {
    return 200;
  }
  return 200 + 50 * (intervalMinutes / 60 - 1);
}

/** Upland districts have small steep rivers; the lower Ou, Feiyun and Ao carry far more. */
const SMALL_RIVER_DISTRICTS: ReadonlySet<DistrictCode> = new Set<DistrictCode>(['wencheng', 'taishun', 'yueqing', 'cangnan']);

export interface LimitsInput {
  readonly kind: StationKind;
  readonly district: DistrictCode;
  readonly elements: readonly Element[];
  readonly reportingIntervalMinutes: number;
}

export function limitsFor(station: LimitsInput, random: SeededRandom): Partial<Record<Element, ElementLimits>> {
  const limits: Partial<Record<Element, ElementLimits>> = {};
  for (const element of station.elements) {
    switch (element) {
      case 'water_level':
        limits.water_level = waterLevelLimits(station.kind, station.district, random);
        break;
      case 'rainfall':
        limits.rainfall = { min: 0, max: rainfallMaxPerReport(station.reportingIntervalMinutes) };
        break;
      case 'flow': {
        const [low, high] = SMALL_RIVER_DISTRICTS.has(station.district) ? [300, 3000] : [1000, 12000];
        limits.flow = { min: 0, max: roundTo(random.between(low, high), 100) };
        break;
      }
      case 'battery_voltage':
        limits.battery_voltage = BATTERY_LIMITS;
        break;
    }
  }
  return limits;
}

function waterLevelLimits(kind: StationKind, district: DistrictCode, random: SeededRandom): ElementLimits {
  const [low, high] = ELEVATION_RANGE_M[district];
  switch (kind) {
    case 'tide':
      return TIDE_LIMITS;
    case 'plain_network': {
      // The plain network is held near 3 m by sluices; dry-season drawdown and typhoon floods bound it.
      const normal = random.between(2.9, 3.5);
      return { min: round1(normal - 2.5), max: round1(normal + 3) };
    }
    case 'reservoir': {
      // Around the normal pool level: down to below dead storage, up past the check flood level.
      const normal = low + 20 + (high - low) * random.next();
      return { min: round1(normal - Math.min(30, normal / 2)), max: round1(normal + 8) };
    }
    case 'river':
    case 'rain': {
      // Squared draw: most gauges sit low in the valleys, a few high up.
      const bed = low + (high - low) * random.next() ** 2;
      return { min: round1(bed - 3), max: round1(bed + 12) };
    }
  }
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}
