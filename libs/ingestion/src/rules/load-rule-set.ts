import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compareRuleConfigProblems,
  missingFileProblem,
  RULE_FILE_KEYS,
  RULE_FILE_NAMES,
  RULE_FILES,
  RuleConfigError,
  validateRuleFiles,
  type RuleConfigProblem,
  type RuleFileKey,
} from '@hydro/domain/rules/config';
import type { RuleSet } from '@hydro/domain/rules/rule-set';
import type { StationLookup } from '@hydro/domain/telemetry/interpret-telemetry';

/**
 * Reads and validates the flood rules (config/rules/*.json) against the station registry, at boot and on
 * a reload. Synchronous like the registry loader: it runs before the rules are put in force. Every
 * failure, an unreadable directory or file, bad JSON, a missing or unknown file, or any invalid entry,
 * ends in one RuleConfigError naming the directory and, per problem, the file, entry and field.
 */
export function loadRuleSet(dir: string, stations: StationLookup): RuleSet {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error: unknown) {
    throw new RuleConfigError(dir, [{ file: '.', message: `cannot read the rules directory: ${reason(error)}` }], { cause: error });
  }
  const problems: RuleConfigProblem[] = [];
  // A misspelt file name must not silently drop a whole kind of rule.
  for (const name of names.filter((n) => !RULE_FILE_NAMES.includes(n)).sort()) {
    problems.push({ file: name, message: `is not a rule file this version reads (expected ${RULE_FILE_NAMES.join(', ')})` });
  }
  const contents: Partial<Record<RuleFileKey, unknown>> = {};
  for (const key of RULE_FILE_KEYS) {
    if (!names.includes(RULE_FILES[key])) {
      problems.push(missingFileProblem(key));
      continue;
    }
    const read = readJson(join(dir, RULE_FILES[key]));
    if ('problem' in read) problems.push({ file: RULE_FILES[key], message: read.problem });
    else contents[key] = read.json;
  }
  const validation = validateRuleFiles(contents, stations);
  problems.push(...validation.problems);
  // Known files in their usual order, then stray ones; within a file, top level first, then by entry.
  if (problems.length > 0) throw new RuleConfigError(dir, problems.sort(compareRuleConfigProblems(RULE_FILE_NAMES)));
  return validation.ruleSet;
}

function readJson(path: string): { json: unknown } | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    return { problem: `cannot read the file: ${reason(error)}` };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error: unknown) {
    return { problem: `not valid JSON: ${reason(error)}` };
  }
}

/** Duck-typed: errors from Node's fs are not `instanceof Error` across realms (e.g. under Jest). */
function reason(error: unknown): string {
  const message: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'message') : undefined;
  return typeof message === 'string' ? message : String(error);
}
