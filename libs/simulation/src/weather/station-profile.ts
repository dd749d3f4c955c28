import type { Station } from '@hydro/domain';
import { responsePeak, type Pulse } from '../math/response';
import { hashString, noiseBetween, stationKey, STREAM } from '../random/noise';
import { toKm, northWestKm } from './geography';
import { floodLimitLevel, plainNormalLevel, riverBedLevel } from './levels-from-limits';
import { BROAD_SPREAD_HOURS, DISTRICT_RAIN_FACTOR, passHours, STORM_TOTAL_MM, type StormTrack } from './storm';

/*
 * What the weather model needs to know of one station, drawn once from its registry entry,
 * the seed and (in a typhoon) the storm track. Pulses and pass times are in hours after the
 * simulated start.
 */

export interface StormExposure {
  /** Storm total at the gauge, mm. */
  readonly totalMm: number;
  readonly broadCentre: number;
  readonly coreCentre: number;
  /** Storm total relative to a district-factor-1 gauge (≈ 0.4–1.15). */
  readonly rainFactor: number;
}

export interface RiverProfile {
  readonly kind: 'river';
  readonly bed: number;
  readonly normal: number;
  /** Rise of the flood peak above normal, m. */
  readonly rise: number;
  readonly pulse: Pulse;
  readonly peakDensity: number;
  readonly phase: number;
}

export interface PlainProfile {
  readonly kind: 'plain';
  readonly normal: number;
  /** Pre-storm drawdown by the sluices, m. */
  readonly drawdown: number;
  readonly rise: number;
  readonly pulse: Pulse;
  readonly peakDensity: number;
  readonly phase: number;
}

export interface ReservoirProfile {
  readonly kind: 'reservoir';
  readonly floodLimit: number;
  readonly startLevel: number;
  /** Rise if the whole storm's inflow were stored, m. */
  readonly storedRise: number;
  readonly pulse: Pulse;
}

export interface TideProfile {
  readonly kind: 'tide';
  readonly meanLevel: number;
  /** M2 amplitude, m. */
  readonly amplitude: number;
  readonly lagHours: number;
  /** Peak storm surge, m (typhoon only). */
  readonly surge: number;
  readonly surgeCentre: number;
}

export type LevelProfile = RiverProfile | PlainProfile | ReservoirProfile | TideProfile;

export interface StationProfile {
  readonly key: number;
  readonly batteryOffset: number;
  readonly storm?: StormExposure;
  readonly level?: LevelProfile;
}

/** A river gauge's catchment centroid lies upstream, to the north-west: the band reaches it later. */
const CATCHMENT_OFFSET_KM = 5;

const TIDE_AMPLITUDE: Readonly<Record<string, readonly [number, number]>> = {
  ou: [2.3, 2.6],
  feiyun: [2.1, 2.4],
  ao: [2.0, 2.3],
};

export function stationProfile(station: Station, seed: number, track?: StormTrack): StationProfile {
  const key = stationKey(seed, station.id);
  const alongKm = northWestKm(toKm(station.latitude, station.longitude));
  const storm = track === undefined ? undefined : exposure(station, key, alongKm, track);
  const level = station.elements.includes('water_level') ? levelProfile(station, key, alongKm, track, storm) : undefined;
  return {
    key,
    batteryOffset: noiseBetween(key, STREAM.batteryOffset, 0, 0.12),
    ...(storm === undefined ? {} : { storm }),
    ...(level === undefined ? {} : { level }),
  };
}

function exposure(station: Station, key: number, alongKm: number, track: StormTrack): StormExposure {
  const rainFactor = (DISTRICT_RAIN_FACTOR[station.district] ?? 0.7) * noiseBetween(key, STREAM.stationFactor, 0.7, 1.1) * track.strength;
  const broadCentre = passHours(track, alongKm);
  return { totalMm: STORM_TOTAL_MM * rainFactor, broadCentre, coreCentre: broadCentre + noiseBetween(key, STREAM.coreOffset, -1, 1), rainFactor };
}

function levelProfile(station: Station, key: number, alongKm: number, track: StormTrack | undefined, storm: StormExposure | undefined): LevelProfile {
  const rainFactor = storm?.rainFactor ?? 0;
  const phase = noiseBetween(key, STREAM.levelPhase, 0, 2 * Math.PI);
  const pass = (offsetKm: number): number => (track === undefined ? 0 : passHours(track, alongKm + offsetKm));
  const max = station.limits.water_level?.max ?? Number.POSITIVE_INFINITY;
  switch (station.kind) {
    case 'tide':
      return tideProfile(station, key, storm);
    case 'plain_network': {
      const pulse = { centre: pass(0) + 3, spread: BROAD_SPREAD_HOURS, recession: noiseBetween(key, STREAM.recession, 18, 30) };
      const normal = plainNormalLevel(station);
      const rise = Math.min(noiseBetween(key, STREAM.riseScale, 1.0, 1.8) * rainFactor, max - normal - 0.5);
      return { kind: 'plain', normal, drawdown: noiseBetween(key, STREAM.drawdown, 0.3, 0.5), rise, pulse, peakDensity: responsePeak(pulse).value, phase };
    }
    case 'reservoir': {
      const floodLimit = floodLimitLevel(station);
      const pulse = { centre: pass(5) + noiseBetween(key, STREAM.lag, 1, 2), spread: BROAD_SPREAD_HOURS, recession: noiseBetween(key, STREAM.recession, 4, 8) };
      return {
        kind: 'reservoir',
        floodLimit,
        startLevel: floodLimit - noiseBetween(key, STREAM.reservoirStart, 0.5, 4),
        storedRise: noiseBetween(key, STREAM.reservoirGain, 1, 3.5) * rainFactor,
        pulse,
      };
    }
    case 'river':
    case 'rain':
      return riverProfile(station, key, pass(CATCHMENT_OFFSET_KM), rainFactor, phase, max);
  }
}

/** Upland gauges respond within an hour or two and fall fast; the lower reaches lag and linger. */
function riverProfile(station: Station, key: number, catchmentPass: number, rainFactor: number, phase: number, max: number): RiverProfile {
  const bed = riverBedLevel(station);
  const normal = bed + noiseBetween(key, STREAM.normalStage, 1, 2);
  const [rise, lag, recession] =
    bed >= 50 ? [[3, 5], [1, 2], [3, 5]] : bed >= 15 ? [[3.5, 6], [2, 3], [5, 8]] : [[4, 7], [3, 5], [8, 12]];
  const draw = (range: number[], stream: number): number => noiseBetween(key, stream, range[0] ?? 0, range[1] ?? 0);
  const pulse = { centre: catchmentPass + draw(lag, STREAM.lag), spread: BROAD_SPREAD_HOURS, recession: draw(recession, STREAM.recession) };
  return {
    kind: 'river',
    bed,
    normal,
    rise: Math.min(draw(rise, STREAM.riseScale) * rainFactor, max - normal - 0.5),
    pulse,
    peakDensity: responsePeak(pulse).value,
    phase,
  };
}

/** Tides are astronomy: amplitude and phase depend on the station, not the seed. */
function tideProfile(station: Station, key: number, storm: StormExposure | undefined): TideProfile {
  const astro = hashString(station.id);
  const [low, high] = TIDE_AMPLITUDE[station.basin] ?? [1.9, 2.2];
  const estuary = station.basin === 'ou' ? 0.8 : 0;
  return {
    kind: 'tide',
    meanLevel: 0.25,
    amplitude: noiseBetween(astro, STREAM.tide, low, high),
    lagHours: noiseBetween(astro, STREAM.levelPhase, 0, 0.6) + estuary,
    surge: storm === undefined ? 0 : noiseBetween(key, STREAM.surge, station.basin === 'ou' ? 0.8 : 0.5, station.basin === 'ou' ? 1.4 : 1.1),
    surgeCentre: storm?.broadCentre ?? 0,
  };
}
