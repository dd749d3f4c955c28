import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstRule, STATIONS, validContents } from '@hydro/domain/rules/config/__fixtures__/rule-config-fixtures';
import { RuleConfigError } from '@hydro/domain/rules/config';
import { loadRuleSet } from './load-rule-set';

const FILES = { waterLevel: 'water-levels.json', rateOfRise: 'rate-of-rise.json', venues: 'venues.json', mountainTorrent: 'warning-areas.json' } as const;

describe('loadRuleSet', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rules-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function writeAll(change: (files: ReturnType<typeof validContents>) => void = () => undefined): void {
    const files = validContents();
    change(files);
    for (const [key, name] of Object.entries(FILES)) writeFileSync(join(dir, name), JSON.stringify(files[key as keyof typeof FILES]), 'utf8');
  }

  function failure(): RuleConfigError {
    try {
      loadRuleSet(dir, STATIONS);
    } catch (error) {
      if (error instanceof RuleConfigError) return error;
      throw error;
    }
    throw new Error('loadRuleSet did not throw');
  }

  it('reads and validates the four rule files', () => {
    writeAll();

    const ruleSet = loadRuleSet(dir, STATIONS);

    expect([ruleSet.waterLevel.length, ruleSet.rateOfRise.length, ruleSet.venues.length, ruleSet.mountainTorrent.length]).toEqual([1, 1, 1, 1]);
  });

  it('ignores files that are not JSON (a README beside the rules)', () => {
    writeAll();
    writeFileSync(join(dir, 'README.md'), '# rules', 'utf8');

    expect(loadRuleSet(dir, STATIONS).venues).toHaveLength(1);
  });

  it('names the directory, file, entry and field of an invalid entry', () => {
    writeAll((files) => (firstRule(files.venues)['margin'] = -0.1));

    expect(failure().message).toBe(`Invalid flood rules in ${dir}: 1 problem\n  - venues.json: rules[0] (id "venue-dragon-boat"): margin must be at least 0 m (how close to a limit counts as approaching), got -0.1`);
  });

  it('names a missing file and a stray one, and still checks the others', () => {
    writeAll((files) => (firstRule(files.waterLevel)['hysteresis'] = 2));
    rmSync(join(dir, 'venues.json'));
    writeFileSync(join(dir, 'venue.json'), '{}', 'utf8');

    expect(failure().problems.map((p) => [p.file, p.field ?? p.message.slice(0, 20)])).toEqual([
      ['water-levels.json', 'hysteresis'],
      ['venues.json', 'is missing: every ru'],
      ['venue.json', 'is not a rule file t'],
    ]);
  });

  it('names the file that is not valid JSON', () => {
    writeAll();
    writeFileSync(join(dir, 'rate-of-rise.json'), '{ "version": 1, "rules": [ ', 'utf8');

    expect(failure().message).toMatch(/^Invalid flood rules in .*: 1 problem\n {2}- rate-of-rise\.json: not valid JSON: /);
  });

  it('names the file it cannot read', () => {
    writeAll();
    rmSync(join(dir, 'venues.json'));
    mkdirSync(join(dir, 'venues.json'));

    expect(failure().problems).toEqual([{ file: 'venues.json', message: expect.stringContaining('cannot read the file: EISDIR') }]);
  });

  it('names the directory it cannot read', () => {
    const missing = join(dir, 'nowhere');

    expect(() => loadRuleSet(missing, STATIONS)).toThrow(`Invalid flood rules in ${missing}: 1 problem\n  - .: cannot read the rules directory: ENOENT`);
  });

  it('checks the rules against the registry it is given', () => {
    writeAll();

    expect(() => loadRuleSet(dir, { get: () => undefined })).toThrow(/water-levels\.json: rules\[0\] \(id "wl-river"\): stationId must name a station in the registry/);
  });
});
