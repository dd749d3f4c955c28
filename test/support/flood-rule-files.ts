import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Station } from '@hydro/domain';

/** Critical rainfall of one window in mm: 准备转移 and 立即转移. */
export interface CriticalRainfall {
  readonly windowHours: 1 | 3 | 6 | 12 | 24;
  readonly prepare: number;
  readonly evacuate: number;
}

export interface Village {
  readonly id: string;
  readonly name: string;
}

/** Lifecycles that outlast a test: nothing resolves or goes stale by itself while it runs. */
const LIFECYCLE = { clearingDelayMinutes: 60, staleAfterMinutes: 120 };

/** A level at this fraction of the station's water-level range, to the centimetre. */
export function levelAt(station: Station, fraction: number): number {
  const limits = station.limits.water_level;
  if (limits === undefined) throw new Error(`station ${station.id} measures no water level`);
  return Math.round((limits.min + (limits.max - limits.min) * fraction) * 100) / 100;
}

/** A rising rule with 警戒水位 (yellow) at half the gauge's range and 保证水位 (orange) at 70 %, inside its hard limits. */
export function warningAndGuaranteedLevels(id: string, station: Station, staleAfterMinutes = LIFECYCLE.staleAfterMinutes): Record<string, unknown> {
  return {
    id,
    stationId: station.id,
    direction: 'rising',
    thresholds: [
      { code: 'warning', name: '警戒水位', level: levelAt(station, 0.5), severity: 'yellow' },
      { code: 'guaranteed', name: '保证水位', level: levelAt(station, 0.7), severity: 'orange' },
    ],
    hysteresis: 0.1,
    minDurationMinutes: 0,
    ...LIFECYCLE,
    staleAfterMinutes,
  };
}

/** A village's mountain-torrent warning area on these gauges (the wettest decides), in the first gauge's district. */
export function villageWarningArea(id: string, village: Village, gauges: readonly [Station, ...Station[]], thresholds: readonly CriticalRainfall[]): Record<string, unknown> {
  return {
    id,
    area: {
      id: village.id,
      name: village.name,
      villages: [village.name],
      town: '岩坦镇',
      district: gauges[0].district,
      basin: gauges[0].basin,
      population: 12,
      gaugeIds: gauges.map((g) => g.id),
      aggregation: 'max',
      thresholds,
      contacts: {
        town: [{ role: '镇级责任人', name: '王建国', phone: '+86 000 0000 0001' }],
        village: [{ role: '村级责任人', name: '李秀英', phone: '+86 000 0000 0002' }],
      },
    },
    severities: { prepare: 'orange', evacuate: 'red' },
    ...LIFECYCLE,
  };
}

/** Writes all four rule files (a kind left out gets no rules), replacing what the directory held. */
export function writeFloodRules(dir: string, rules: { readonly waterLevels?: readonly unknown[]; readonly warningAreas?: readonly unknown[] }): void {
  const files: Record<string, readonly unknown[]> = {
    'water-levels.json': rules.waterLevels ?? [],
    'rate-of-rise.json': [],
    'venues.json': [],
    'warning-areas.json': rules.warningAreas ?? [],
  };
  for (const [file, entries] of Object.entries(files)) writeFileSync(join(dir, file), JSON.stringify({ version: 1, rules: entries }, null, 2));
}
