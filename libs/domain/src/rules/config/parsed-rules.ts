import type { RuleConfigProblem } from './rule-config-problem';
import type { EntryId } from './rule-entries';

/** A rule with the index of its entry, so cross-file checks can point at it. */
export interface IndexedRule<Rule> {
  readonly index: number;
  readonly rule: Rule;
}

/** What one file yields: the rules whose entries passed every check, and the problems of the others. */
export interface ParsedRules<Rule> {
  readonly rules: readonly IndexedRule<Rule>[];
  /** Every entry's id, valid or not (see FileEntries.ids). */
  readonly ids: readonly EntryId[];
  readonly problems: readonly RuleConfigProblem[];
}

/** A problem inside one entry, before the file and entry are added. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}
