import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULE_FILES, type RuleFileKey } from '../libs/domain/src/rules/config';
import type { StationRegistry } from '../libs/domain/src/stations/station-registry';
import { loadStationRegistry } from '../libs/ingestion/src/stations/load-station-registry';
import { DEFAULT_OUTPUT, DEFAULT_SEED, DEFAULT_STATIONS, generateRuleFiles, renderRuleFiles } from './generate-rules';

const KEYS = Object.keys(RULE_FILES) as RuleFileKey[];

describe('generate-rules', () => {
  let registry: StationRegistry;
  let texts: Record<RuleFileKey, string>;

  beforeAll(() => {
    registry = loadStationRegistry(DEFAULT_STATIONS);
    texts = renderRuleFiles(generateRuleFiles(registry, DEFAULT_SEED));
  });

  it('gives the same files for the same seed', () => {
    expect(renderRuleFiles(generateRuleFiles(registry, DEFAULT_SEED))).toEqual(texts);
  });

  it('gives different levels and areas for another seed, and the same venue (it has nothing to draw)', () => {
    const other = renderRuleFiles(generateRuleFiles(registry, DEFAULT_SEED + 1));

    expect(other.waterLevel).not.toBe(texts.waterLevel);
    expect(other.mountainTorrent).not.toBe(texts.mountainTorrent);
    expect(other.venues).toBe(texts.venues);
  });

  it.each(KEYS)('matches the committed config/rules file for %s (run `npm run rules:generate` after changing the generator)', (key) => {
    expect(readFileSync(join(DEFAULT_OUTPUT, RULE_FILES[key]), 'utf8')).toBe(texts[key]);
  });
});
