import { type Channel, type Station, telemetryTopic } from '@hydro/domain';
import type { AlertView } from './api-views';
import { type CriticalRainfall, levelAt, villageWarningArea, warningAndGuaranteedLevels } from './flood-rule-files';
import { slotAt } from './live-reports';
import { type Report, registryStations } from './station-reports';

/**
 * A short storm over a mountain village and a river gauge: the stations, the flood rules on them and the
 * reports the storm sends, each value placed exactly at a threshold or just short of it.
 */

export const MINUTE = 60_000;
export const SLOT = 5 * MINUTE;

const taken = new Set<string>();
export const [stormRiver, suspectRiver, canaryRiver] = distinctStations((s) => s.kind === 'river' && s.reportingIntervalMinutes === 5, 3) as [Station, Station, Station];
export const stormRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 2, 1)[0]!;
export const calmRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 1 && s.district === stormRain.district, 1)[0]!;
export const suspectRain = distinctStations((s) => s.kind === 'rain' && s.reportingIntervalMinutes === 5 && s.channels.length === 1 && s.id !== calmRain.id, 1)[0]!;
export const STORM_STATIONS: readonly Station[] = [stormRiver, suspectRiver, canaryRiver, stormRain, calmRain, suspectRain];

/** Critical rainfall in mm, 准备转移 / 立即转移, shortest window first; only the 1 h window is reached. */
const THRESHOLDS: readonly CriticalRainfall[] = [
  { windowHours: 1, prepare: 30, evacuate: 50 },
  { windowHours: 3, prepare: 60, evacuate: 80 },
  { windowHours: 6, prepare: 80, evacuate: 100 },
  { windowHours: 24, prepare: 100, evacuate: 130 },
];
export const VILLAGE = { id: '330324990101', name: '岩头村' };
export const SUSPECT_VILLAGE = { id: '330324990102', name: '下坳村' };

/** The rule files of the storm: the canary goes stale 6 minutes after its newest reading, so a rule tick after a restart says so. */
export const STORM_RULES = {
  waterLevels: [warningAndGuaranteedLevels('wl-storm', stormRiver), warningAndGuaranteedLevels('wl-suspect', suspectRiver), warningAndGuaranteedLevels('wl-canary', canaryRiver, 6)],
  warningAreas: [villageWarningArea('mt-storm', VILLAGE, [stormRain, calmRain], THRESHOLDS), villageWarningArea('mt-suspect', SUSPECT_VILLAGE, [suspectRain], THRESHOLDS)],
};

/**
 * 5-minute rain at the storm gauge. The hour holds 29.9 mm (0.1 mm short of 准备转移), then exactly 30
 * (准备转移 reached), then exactly 50 (立即转移 reached), then stays there.
 */
const STORM_RAIN = [0, 10, 19.9, 0.1, 20, 0];

/** Levels at the storm river gauge against its warning and guaranteed levels: 1 cm short, then exactly at each. */
function stormLevels(): number[] {
  const [warning, guaranteed] = [levelAt(stormRiver, 0.5), levelAt(stormRiver, 0.7)];
  return [warning - 1, warning - 0.01, warning, warning + 0.2, guaranteed, guaranteed].map((m) => Math.round(m * 100) / 100);
}

/** The storm's observation times: the six slots up to the one holding `now`, oldest first. */
export function stormSlotsBefore(now: number): number[] {
  const last = slotAt(stormRiver, now);
  return STORM_RAIN.map((_, i) => last - (STORM_RAIN.length - 1 - i) * SLOT);
}

/** Every report of the storm, slot by slot. */
export function stormReports(slots: readonly number[]): Report[] {
  const levels = stormLevels();
  return slots.flatMap((at, i) => [
    report(stormRain, 'cellular', at, { rainfall: STORM_RAIN[i]! }),
    // The same report over BeiDou: a copy, which must not count twice in the rainfall totals.
    report(stormRain, 'beidou', at, { rainfall: STORM_RAIN[i]! }),
    report(calmRain, 'cellular', at, { rainfall: 0 }),
    report(stormRiver, 'cellular', at, { water_level: levels[i]! }),
  ]);
}

/** A timed report carrying the given readings and a healthy battery. */
export function report(station: Station, channel: Channel, observedAt: number, readings: Readonly<Record<string, number>>): Report {
  return { topic: telemetryTopic(station.id), payload: JSON.stringify({ stationId: station.id, observedAt, channel, readings: { ...readings, battery_voltage: 12.6 } }) };
}

/** The one alert of a rule; more than one is itself a failure (a duplicate). */
export function onlyOfRule(alerts: readonly AlertView[], ruleId: string): AlertView {
  const matching = alerts.filter((a) => a.ruleId === ruleId);
  if (matching.length !== 1) throw new Error(`expected one alert of ${ruleId}, found ${matching.length}: ${JSON.stringify(matching)}`);
  return matching[0]!;
}

/** The first `count` registry stations that fit, distinct from every station taken so far. */
function distinctStations(fits: (s: Station) => boolean, count: number): Station[] {
  const found = registryStations().filter((s) => !taken.has(s.id) && fits(s) && (s.kind === 'rain' || s.limits.water_level !== undefined)).slice(0, count);
  if (found.length < count) throw new Error(`the registry has fewer than ${count} such stations`);
  for (const s of found) taken.add(s.id);
  return found;
}
