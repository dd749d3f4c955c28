import { type Station, telemetryTopic, type WaterLevelRule } from '@hydro/domain';
import { calmLevelFor, type PlannedCrossing } from './crossing-plan';

/** One timed report to send: which station, and whether it is a planned crossing. */
export interface ScheduledReport {
  readonly station: Station;
  readonly level: number | undefined;
  readonly crossing?: PlannedCrossing;
}

/**
 * `rounds` rounds of one report per station (registry order, as a 5-minute flood-season round), with
 * calm values, except that each planned crossing jumps above its threshold in one round (spread evenly
 * over the rounds after the first, which only sets the calm levels) and stays there afterwards.
 * Stations whose rules leave no calm level are left out: they would raise alerts of their own.
 */
export function scheduleReports(stations: readonly Station[], rules: readonly WaterLevelRule[], crossings: readonly PlannedCrossing[], rounds: number): ScheduledReport[] {
  const rulesOf = new Map<string, WaterLevelRule[]>();
  for (const rule of rules) rulesOf.set(rule.stationId, [...(rulesOf.get(rule.stationId) ?? []), rule]);
  const crossingOf = new Map(crossings.map((c, i) => [c.stationId, { crossing: c, round: 1 + (i % Math.max(1, rounds - 1)) }]));
  const schedule: ScheduledReport[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const station of stations) {
      const planned = crossingOf.get(station.id);
      if (planned !== undefined) {
        const { crossing } = planned;
        if (round === planned.round) schedule.push({ station, level: crossing.crossingLevel, crossing });
        else schedule.push({ station, level: round < planned.round ? crossing.calmLevel : crossing.crossingLevel });
        continue;
      }
      if (!station.elements.includes('water_level')) {
        schedule.push({ station, level: undefined });
        continue;
      }
      const level = calmLevelFor(station, rulesOf.get(station.id) ?? []);
      if (level !== undefined) schedule.push({ station, level });
    }
  }
  return schedule;
}

/** The report as an RTU gateway publishes it, observed at `observedAt`: calm values, the level given. */
export function reportPayload(report: ScheduledReport, observedAt: number): { topic: string; payload: string } {
  const { station } = report;
  const readings: Record<string, number> = {};
  for (const element of station.elements) {
    if (element === 'water_level' && report.level !== undefined) readings[element] = report.level;
    else if (element === 'battery_voltage') readings[element] = 12.6;
    else if (element === 'rainfall') readings[element] = 0;
    else {
      const limits = station.limits[element] ?? { min: 0, max: 10 };
      readings[element] = Math.round((limits.min + (limits.max - limits.min) / 3) * 1000) / 1000;
    }
  }
  return { topic: telemetryTopic(station.id), payload: JSON.stringify({ stationId: station.id, observedAt, channel: 'cellular', readings }) };
}
