import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { RuleSet } from '../rule-set';
import { parseMountainTorrentRules } from './mountain-torrent-rules';
import type { ParsedRules } from './parsed-rules';
import { parseRateOfRiseRules } from './rate-of-rise-rules';
import { compareRuleConfigProblems, type RuleConfigProblem } from './rule-config-problem';
import { RuleConfigError } from './rule-config.error';
import { RULE_CONFIG_VERSION, RULE_FILE_KEYS, RULE_FILE_NAMES, RULE_FILES, type RuleFileContents, type RuleFileKey } from './rule-files';
import { parseVenueRules } from './venue-rules';
import { parseWaterLevelRules } from './water-level-rules';

export interface RuleSetValidation {
  /** The rules whose entries passed every check; whole only when `problems` is empty. */
  readonly ruleSet: RuleSet;
  /** Every problem, in file order. */
  readonly problems: readonly RuleConfigProblem[];
}

/**
 * Checks the files that are there (a key left out is not reported here; see parseRuleSet) against
 * their schemas, each other and the station registry.
 */
export function validateRuleFiles(contents: RuleFileContents, stations: StationLookup): RuleSetValidation {
  const parsed = {
    waterLevel: parseIfPresent(contents, 'waterLevel', (json) => parseWaterLevelRules(json, stations)),
    rateOfRise: parseIfPresent(contents, 'rateOfRise', (json) => parseRateOfRiseRules(json, stations)),
    venues: parseIfPresent(contents, 'venues', (json) => parseVenueRules(json, stations)),
    mountainTorrent: parseIfPresent(contents, 'mountainTorrent', (json) => parseMountainTorrentRules(json, stations)),
  };
  const problems = [...RULE_FILE_KEYS.flatMap((key) => parsed[key].problems), ...duplicateIds(parsed)];
  problems.sort(compareRuleConfigProblems(RULE_FILE_NAMES));
  const rulesOf = <Rule>(result: ParsedRules<Rule>): Rule[] => result.rules.map((indexed) => indexed.rule);
  const ruleSet: RuleSet = Object.freeze({
    waterLevel: Object.freeze(rulesOf(parsed.waterLevel)),
    rateOfRise: Object.freeze(rulesOf(parsed.rateOfRise)),
    venues: Object.freeze(rulesOf(parsed.venues)),
    mountainTorrent: Object.freeze(rulesOf(parsed.mountainTorrent)),
  });
  return { ruleSet, problems };
}

/**
 * The rule set from the four files' parsed JSON, all of them required. Throws RuleConfigError listing
 * every problem (file, entry index and id, field, what it must be): the centre must not evaluate a
 * rule set it half understands.
 */
export function parseRuleSet(contents: RuleFileContents, stations: StationLookup, source: string): RuleSet {
  const missing: RuleConfigProblem[] = RULE_FILE_KEYS.filter((key) => contents[key] === undefined).map((key) => missingFileProblem(key));
  const { ruleSet, problems } = validateRuleFiles(contents, stations);
  const all = [...missing, ...problems].sort(compareRuleConfigProblems(RULE_FILE_NAMES));
  if (all.length > 0) throw new RuleConfigError(source, all);
  return ruleSet;
}

/** Each file is required, so that a misnamed or forgotten file cannot silently drop a whole kind of rule. */
export function missingFileProblem(key: RuleFileKey): RuleConfigProblem {
  return { file: RULE_FILES[key], message: `is missing: every rule file must be present; write {"version": ${RULE_CONFIG_VERSION}, "rules": []} for none` };
}

const NOTHING: ParsedRules<never> = { rules: [], ids: [], problems: [] };

function parseIfPresent<Rule>(contents: RuleFileContents, key: RuleFileKey, parse: (json: unknown) => ParsedRules<Rule>): ParsedRules<Rule> {
  return contents[key] === undefined ? NOTHING : parse(contents[key]);
}

/** Rule ids name alerts and the API's rule pages, so they are unique across all four files. */
function duplicateIds(parsed: Readonly<Record<RuleFileKey, ParsedRules<unknown>>>): RuleConfigProblem[] {
  const seen = new Map<string, { file: string; index: number }>();
  const problems: RuleConfigProblem[] = [];
  for (const key of RULE_FILE_KEYS) {
    const file = RULE_FILES[key];
    for (const { index, id } of parsed[key].ids) {
      const first = seen.get(id);
      if (first === undefined) {
        seen.set(id, { file, index });
      } else {
        const where = first.file === file ? `rules[${first.index}]` : `${first.file} rules[${first.index}]`;
        problems.push({ file, index, id, field: 'id', message: `must be unique across all rule files; ${JSON.stringify(id)} is also ${where}` });
      }
    }
  }
  return problems;
}
