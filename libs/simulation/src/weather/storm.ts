import { normalCdf } from '../math/normal';
import { SeededRandom } from '../random/seeded-random';

/*
 * A typhoon rain band crossing Wenzhou from the south-east coast to the north-western
 * mountains. Every place gets two Gaussian pulses of rain centred on the hour the band passes:
 * a broad stratiform one (σ = 5 h, 65 % of the total) and a convective core (σ = 1.2 h, 35 %)
 * that gives the 1-hour peaks. With the district factors below the worst mountain gauges
 * get about 300–370 mm in 24 h and 55–75 mm in their worst hour.
 */

/** Storm total (mm) at a gauge with district factor 1 and station factor 1. */
export const STORM_TOTAL_MM = 320;
export const BROAD_SPREAD_HOURS = 5;
export const CORE_SPREAD_HOURS = 1.2;
export const CORE_SHARE = 0.35;
/** Where the band is at its first pass: this far south-east of the city (km along the axis). */
const FIRST_PASS_KM = -60;

/** Orographic and exposure factors: the mountain districts get the most. */
export const DISTRICT_RAIN_FACTOR: Readonly<Record<string, number>> = {
  yongjia: 1,
  wencheng: 1,
  taishun: 1,
  ruian: 0.85,
  pingyang: 0.85,
  yueqing: 0.85,
  cangnan: 0.8,
  ouhai: 0.75,
  lucheng: 0.65,
  longgang: 0.65,
  longwan: 0.6,
  dongtou: 0.55,
};

/** The mountain districts whose rain gauges the flash-flood claims are about. */
export const MOUNTAIN_DISTRICTS: readonly string[] = ['yongjia', 'wencheng', 'taishun'];

export interface StormTrack {
  /** Speed of the band towards the north-west, km/h. */
  readonly speedKmH: number;
  /** Hours after the simulated start when the band's centre is 60 km south-east of the city. */
  readonly firstPassHours: number;
  /** Multiplies every total (0.95–1.05). */
  readonly strength: number;
}

/** The seed moves the storm a little: speed, timing and strength. */
export function stormTrack(seed: number): StormTrack {
  const random = new SeededRandom((seed ^ 0x7a1f00d) >>> 0);
  return { speedKmH: random.between(4.5, 5.5), firstPassHours: random.between(11, 13), strength: random.between(0.95, 1.05) };
}

/** Hours after the start when the band's centre passes a place `northWestKm` along the axis. */
export function passHours(track: StormTrack, northWestKm: number): number {
  return track.firstPassHours + (northWestKm - FIRST_PASS_KM) / track.speedKmH;
}

/** Rain a place gets between hours a and b after the start, mm, before per-report noise. */
export function stormRain(totalMm: number, broadCentre: number, coreCentre: number, a: number, b: number): number {
  const broad = normalCdf((b - broadCentre) / BROAD_SPREAD_HOURS) - normalCdf((a - broadCentre) / BROAD_SPREAD_HOURS);
  const core = normalCdf((b - coreCentre) / CORE_SPREAD_HOURS) - normalCdf((a - coreCentre) / CORE_SPREAD_HOURS);
  return totalMm * ((1 - CORE_SHARE) * broad + CORE_SHARE * core);
}

/** How cloudy the band makes it (0 clear … ~0.75), for solar charging. */
export function stormCloud(broadCentre: number, hours: number): number {
  const z = (hours - broadCentre) / 14;
  return 0.75 * Math.exp(-0.5 * z * z);
}
