import { listProblems } from '../../problems/problem-list';
import { describeRuleConfigProblem, type RuleConfigProblem } from './rule-config-problem';

/**
 * The flood rule files are unreadable or invalid. The message names the rules directory and lists the
 * problems, each with its file, entry (index and id) and field, so the files can be fixed in one pass;
 * the centre does not start (or keeps the rules in force on a reload) rather than half-apply them.
 */
export class RuleConfigError extends Error {
  override readonly name = 'RuleConfigError';

  constructor(
    /** The rules directory (or other source) the files came from. */
    readonly source: string,
    /** Every problem found, in file order; the message shows the first MAX_LISTED_PROBLEMS. */
    readonly problems: readonly RuleConfigProblem[],
    options?: ErrorOptions,
  ) {
    super(listProblems(`Invalid flood rules in ${source}`, problems.map(describeRuleConfigProblem)), options);
  }
}
