import type { Station } from '@hydro/domain';
import { noise, noiseBetween, STREAM } from '../random/noise';
import { beijingHourOfDay, HOUR_MS, MINUTE_MS } from '../time/sim-time';
import type { Readings } from '../traffic/payloads';
import { roundTo } from '../traffic/payloads';
import { waterLevel } from './level-models';
import { stationProfile, type StationProfile } from './station-profile';
import { stormCloud, stormRain, type StormTrack } from './storm';

/** Chance that a gauge has a light shower in a given hour of calm weather. */
const DRIZZLE_HOUR_CHANCE = 0.015;

/**
 * The state of every gauge as a pure function of (seed, start, station, time): calm dry-season
 * weather, plus a typhoon when a storm track is given. Readings cover every element the station
 * measures; rainfall is what fell in the reporting interval ending at the observation time.
 */
export class NetworkWeather {
  private readonly profiles = new Map<string, StationProfile>();

  constructor(
    private readonly seed: number,
    private readonly start: number,
    private readonly track?: StormTrack,
  ) {}

  profile(station: Station): StationProfile {
    let profile = this.profiles.get(station.id);
    if (profile === undefined) {
      profile = stationProfile(station, this.seed, this.track);
      this.profiles.set(station.id, profile);
    }
    return profile;
  }

  readings(station: Station, t: number): Readings {
    const profile = this.profile(station);
    const hours = (t - this.start) / HOUR_MS;
    const slot = Math.floor(t / MINUTE_MS);
    const readings: Readings = {};
    let level: number | undefined;
    for (const element of station.elements) {
      switch (element) {
        case 'water_level':
          level = profile.level === undefined ? 0 : waterLevel(profile.level, hours, t, profile.key, slot);
          readings.water_level = roundTo(level, 2);
          break;
        case 'rainfall':
          readings.rainfall = roundTo(this.rainfall(station, profile, t), 1);
          break;
        case 'flow':
          readings.flow = roundTo(flow(station, profile, level), 1);
          break;
        case 'battery_voltage':
          readings.battery_voltage = roundTo(battery(profile, hours, t, slot), 2);
          break;
      }
    }
    return readings;
  }

  private rainfall(station: Station, profile: StationProfile, t: number): number {
    const interval = station.reportingIntervalMinutes;
    const slot = Math.floor(t / MINUTE_MS);
    if (profile.storm !== undefined) {
      const b = (t - this.start) / HOUR_MS;
      const a = b - interval / 60;
      const { totalMm, broadCentre, coreCentre } = profile.storm;
      // Bursts average out over longer intervals: hourly reports are steadier than 5-minute ones.
      const spread = 0.4 * Math.min(1, Math.sqrt(5 / interval));
      return stormRain(totalMm, broadCentre, coreCentre, a, b) * (1 + spread * (2 * noise(profile.key, STREAM.rainfall, slot) - 1));
    }
    const hour = Math.floor((t - 1) / HOUR_MS);
    if (noise(profile.key, STREAM.drizzleHour, hour) >= DRIZZLE_HOUR_CHANCE) return 0;
    return (noiseBetween(profile.key, STREAM.drizzleRate, 0.3, 1.8, hour) * Math.min(interval, 60)) / 60;
  }
}

/** Solar charging by day (less under the storm's cloud), 12.4–13.8 V on a healthy RTU. */
function battery(profile: StationProfile, hours: number, t: number, slot: number): number {
  const hour = beijingHourOfDay(t);
  const sun = hour > 6 && hour < 18 ? Math.sin((Math.PI * (hour - 6)) / 12) ** 0.7 : 0;
  const cloud = profile.storm === undefined ? 0 : stormCloud(profile.storm.broadCentre, hours);
  const volts = 12.45 + profile.batteryOffset + 1.15 * sun * (1 - cloud) + noiseBetween(profile.key, STREAM.battery, -0.02, 0.02, slot);
  return Math.max(12.4, Math.min(13.8, volts));
}

/** A rating curve: Q = 0.7·Qmax·((h − bed)/10 m)^1.6. */
function flow(station: Station, profile: StationProfile, level: number | undefined): number {
  const max = station.limits.flow?.max ?? 1000;
  if (level === undefined || profile.level?.kind !== 'river') return 0;
  const depth = Math.max(0, Math.min(1, (level - profile.level.bed) / 10));
  return 0.7 * max * depth ** 1.6;
}
