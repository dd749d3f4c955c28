import { describe, expect, it } from '@jest/globals';
import { firstRule, STATIONS, validContents, type Json } from './__fixtures__/rule-config-fixtures';
import { parseRuleSet, validateRuleFiles } from './parse-rule-set';
import { RuleConfigError } from './rule-config.error';

function problemsAfter(change: (files: ReturnType<typeof validContents>) => void) {
  const files = validContents();
  change(files);
  return validateRuleFiles(files, STATIONS).problems;
}

describe('parseRuleSet', () => {
  it('builds the rule set from four valid files, each kind in file order', () => {
    const ruleSet = parseRuleSet(validContents(), STATIONS, 'config/rules');

    expect(ruleSet.waterLevel.map((r) => r.id)).toEqual(['wl-river']);
    expect(ruleSet.rateOfRise.map((r) => r.id)).toEqual(['ror-river']);
    expect(ruleSet.venues.map((r) => r.id)).toEqual(['venue-dragon-boat']);
    expect(ruleSet.mountainTorrent.map((r) => r.id)).toEqual(['mt-yantan']);
  });

  it('accepts a file with no rules', () => {
    const files = validContents();
    files.venues = { version: 1, rules: [] };

    expect(parseRuleSet(files, STATIONS, 'config/rules').venues).toEqual([]);
  });

  it('gives frozen rules, so no caller can change the rules in force', () => {
    const ruleSet = parseRuleSet(validContents(), STATIONS, 'config/rules');

    expect(Object.isFrozen(ruleSet.waterLevel[0])).toBe(true);
    expect(Object.isFrozen(ruleSet.waterLevel[0]?.thresholds)).toBe(true);
    expect(Object.isFrozen(ruleSet.mountainTorrent[0]?.area.contacts.town)).toBe(true);
  });

  it('throws a RuleConfigError that names the source, file, entry and field', () => {
    const files = validContents();
    firstRule(files.waterLevel)['hysteresis'] = -1;

    expect(() => parseRuleSet(files, STATIONS, 'config/rules')).toThrow(RuleConfigError);
    expect(() => parseRuleSet(files, STATIONS, 'config/rules')).toThrow(
      'Invalid flood rules in config/rules: 1 problem\n  - water-levels.json: rules[0] (id "wl-river"): hysteresis must be at least 0 m',
    );
  });

  it('requires every file, saying how to write an empty one', () => {
    const { venues: _venues, ...rest } = validContents();

    expect(() => parseRuleSet(rest, STATIONS, 'config/rules')).toThrow('venues.json: is missing: every rule file must be present; write {"version": 1, "rules": []} for none');
  });
});

describe('validateRuleFiles', () => {
  it('refuses a rule id used in two files, naming where it was first', () => {
    const problems = problemsAfter((files) => (firstRule(files.rateOfRise)['id'] = 'wl-river'));

    expect(problems).toEqual([
      { file: 'rate-of-rise.json', index: 0, id: 'wl-river', field: 'id', message: 'must be unique across all rule files; "wl-river" is also water-levels.json rules[0]' },
    ]);
  });

  it('refuses a duplicate id even on an entry with problems of its own', () => {
    const problems = problemsAfter((files) => Object.assign(firstRule(files.mountainTorrent), { id: 'wl-river', severities: 'red' }));

    expect(problems.map((p) => p.field)).toEqual(['severities', 'id']);
  });

  it.each([
    { what: 'a wrong version', change: (f: Json) => (f['version'] = 2), problem: { file: 'venues.json', field: 'version', message: 'must be 1, got 2' } },
    { what: 'an unknown top-level field', change: (f: Json) => (f['venues'] = []), problem: { file: 'venues.json', field: 'venues', message: 'is not a known top-level field (expected version, defaults, rules)' } },
    { what: 'rules that are not an array', change: (f: Json) => (f['rules'] = {}), problem: { file: 'venues.json', field: 'rules', message: 'must be an array of rule entries, got {}' } },
    { what: 'an entry that is not an object', change: (f: Json) => (f['rules'] = ['venue']), problem: { file: 'venues.json', index: 0, message: 'must be an object, got "venue"' } },
    { what: 'defaults that are not an object', change: (f: Json) => (f['defaults'] = 30), problem: { file: 'venues.json', field: 'defaults', message: 'must be an object of default rule fields, got 30' } },
    { what: 'an unknown default', change: (f: Json) => (f['defaults'] = { margin: 0.05 }), problem: { file: 'venues.json', field: 'defaults.margin', message: 'is not a known field' } },
  ])('names the file and field for $what', ({ change, problem }) => {
    expect(problemsAfter((files) => change(files.venues))).toEqual([problem]);
  });

  it('names the file when its top level is not an object', () => {
    expect(problemsAfter((files) => (files.rateOfRise = [] as unknown as Json))).toEqual([
      { file: 'rate-of-rise.json', message: 'top level must be an object {"version": 1, "rules": [...]}, got []' },
    ]);
  });

  it('lists every problem of every file, files in order and entries by index', () => {
    const problems = problemsAfter((files) => {
      firstRule(files.mountainTorrent)['clearingDelayMinutes'] = -1;
      (files.waterLevel['rules'] as Json[]).push({ ...firstRule(files.waterLevel), id: 'wl-2', hysteresis: 5 });
      firstRule(files.waterLevel)['stationId'] = '79999999';
      files.venues['version'] = 0;
    });

    expect(problems.map((p) => [p.file, p.index, p.field])).toEqual([
      ['water-levels.json', 0, 'stationId'],
      ['water-levels.json', 1, 'hysteresis'],
      ['venues.json', undefined, 'version'],
      ['warning-areas.json', 0, 'clearingDelayMinutes'],
    ]);
  });
});
