import { MAX_LISTED_PROBLEMS } from '../../stations/station-registry.error';
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
    super(describe(source, problems), options);
  }
}

function describe(source: string, problems: readonly RuleConfigProblem[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${describeRuleConfigProblem(problem)}`);
  const hidden = problems.length - listed.length;
  if (hidden > 0) listed.push(`  ... and ${hidden} more ${hidden === 1 ? 'problem' : 'problems'}`);
  return [`Invalid flood rules in ${source}: ${count}`, ...listed].join('\n');
}
