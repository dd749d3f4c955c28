/**
 * Writes config/rules/*.json: synthetic but realistic flood rules for the committed station registry
 * (the bureau's real plans are not public). Deterministic: the same seed and registry always give the
 * same files.
 *
 *   npm run rules:generate -- [--seed 20240415] [--stations config/stations.json] [--out config/rules]
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  parseRuleSet,
  RULE_CONFIG_VERSION,
  RULE_FILES,
  type MountainTorrentFile,
  type RateOfRiseFile,
  type RuleFileKey,
  type VenueFile,
  type WaterLevelFile,
} from '../libs/domain/src/rules/config';
import type { StationRegistry } from '../libs/domain/src/stations/station-registry';
import { loadStationRegistry } from '../libs/ingestion/src/stations/load-station-registry';
import { SeededRandom } from '@hydro/simulation';
import { dragonBoatVenue } from './rules/dragon-boat-venue';
import { RATE_OF_RISE_DEFAULTS, rateOfRiseEntry, WATER_LEVEL_DEFAULTS, waterLevelEntry } from './rules/level-rules';
import { renderRuleFile } from './rules/render-rule-file';
import { MOUNTAIN_TORRENT_DEFAULTS, warningAreaRules } from './rules/warning-areas';

/** 15 April: the start of Zhejiang's flood season (the station generator's default too). */
export const DEFAULT_SEED = 20240415;
export const DEFAULT_STATIONS = resolve(__dirname, '..', 'config', 'stations.json');
export const DEFAULT_OUTPUT = resolve(__dirname, '..', 'config', 'rules');

export interface GeneratedRuleFiles {
  readonly waterLevel: WaterLevelFile;
  readonly rateOfRise: RateOfRiseFile;
  readonly venues: VenueFile;
  readonly mountainTorrent: MountainTorrentFile;
}

/** Each file draws from its own stream, so changing how one is made leaves the others as they were. */
export function generateRuleFiles(registry: StationRegistry, seed: number = DEFAULT_SEED): GeneratedRuleFiles {
  const levelGauges = registry.all().filter((station) => station.kind !== 'rain');
  const levels = new SeededRandom(seed);
  return {
    waterLevel: { version: RULE_CONFIG_VERSION, defaults: WATER_LEVEL_DEFAULTS, rules: levelGauges.map((station) => waterLevelEntry(station, levels)) },
    rateOfRise: {
      version: RULE_CONFIG_VERSION,
      defaults: RATE_OF_RISE_DEFAULTS,
      rules: levelGauges.flatMap((station) => rateOfRiseEntry(station) ?? []),
    },
    venues: { version: RULE_CONFIG_VERSION, rules: [dragonBoatVenue(registry)] },
    mountainTorrent: {
      version: RULE_CONFIG_VERSION,
      defaults: MOUNTAIN_TORRENT_DEFAULTS,
      rules: warningAreaRules(registry, new SeededRandom((seed ^ 0x5a17) >>> 0)),
    },
  };
}

/** The text of each file, keyed like RULE_FILES. */
export function renderRuleFiles(files: GeneratedRuleFiles): Record<RuleFileKey, string> {
  return {
    waterLevel: renderRuleFile(files.waterLevel),
    rateOfRise: renderRuleFile(files.rateOfRise),
    venues: renderRuleFile(files.venues),
    mountainTorrent: renderRuleFile(files.mountainTorrent),
  };
}

const USAGE = 'usage: npm run rules:generate -- [--seed <0..4294967295>] [--stations <registry.json>] [--out <directory>]';

class UsageError extends Error {
  override readonly name = 'UsageError';
}

function parseArgs(args: readonly string[]): { seed: number; stations: string; out: string } {
  let seed = DEFAULT_SEED;
  let stations = DEFAULT_STATIONS;
  let out = DEFAULT_OUTPUT;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inlineValue] = arg.split('=', 2);
    const value = inlineValue ?? args[++i];
    if (flag === '--seed' && value !== undefined && /^\d{1,10}$/.test(value) && Number(value) <= 0xffffffff) {
      seed = Number(value);
    } else if (flag === '--stations' && value !== undefined) {
      stations = resolve(value);
    } else if (flag === '--out' && value !== undefined) {
      out = resolve(value);
    } else {
      throw new UsageError(`unexpected argument ${[arg, value].filter(Boolean).join(' ')}`);
    }
  }
  return { seed, stations, out };
}

function main(): void {
  const { seed, stations, out } = parseArgs(process.argv.slice(2));
  const registry = loadStationRegistry(stations);
  const texts = renderRuleFiles(generateRuleFiles(registry, seed));
  const keys = Object.keys(RULE_FILES) as RuleFileKey[];
  // Never write files the centre would refuse to start with.
  const ruleSet = parseRuleSet(Object.fromEntries(keys.map((key) => [key, JSON.parse(texts[key]) as unknown])), registry, out);
  for (const key of keys) writeFileSync(join(out, RULE_FILES[key]), texts[key], 'utf8');
  const people = ruleSet.mountainTorrent.reduce((sum, rule) => sum + rule.area.population, 0);
  const towns = new Set(ruleSet.mountainTorrent.map((rule) => `${rule.area.district}/${rule.area.town}`)).size;
  console.log(
    `wrote ${out}: ${ruleSet.waterLevel.length} water-level, ${ruleSet.rateOfRise.length} rate-of-rise, ${ruleSet.venues.length} venue and ` +
      `${ruleSet.mountainTorrent.length} mountain-torrent rules (${towns} towns, ${people} people); seed ${seed}`,
  );
}

if (require.main === module) {
  try {
    main();
  } catch (error: unknown) {
    // A usage mistake or an invalid generation: one readable message, no stack trace, non-zero exit.
    console.error(error instanceof UsageError ? `${error.message}\n${USAGE}` : error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
