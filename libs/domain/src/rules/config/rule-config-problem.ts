/**
 * One thing wrong with the rule files, placed so whoever edits them can go straight to it: the file,
 * the entry (its index in `rules` and its id) and the field, then what the field must be.
 */
export interface RuleConfigProblem {
  /** File name inside the rules directory, e.g. `water-levels.json`. */
  readonly file: string;
  /** Index of the entry in the file's `rules` array; absent for top-level problems. */
  readonly index?: number;
  /** The entry's id as written, when it has one. */
  readonly id?: string;
  /** Path of the field inside the entry (or at top level), e.g. `thresholds[1].level`. */
  readonly field?: string;
  /** What is wrong, as a predicate: `must be above thresholds[0].level (4.2), got 4.1`. */
  readonly message: string;
}

/** `water-levels.json: rules[3] (id "wl-70512345"): thresholds[1].level must be …`. */
export function describeRuleConfigProblem(problem: RuleConfigProblem): string {
  const place = [problem.file];
  if (problem.index !== undefined) {
    place.push(problem.id === undefined ? `rules[${problem.index}]` : `rules[${problem.index}] (id ${JSON.stringify(problem.id)})`);
  }
  const what = problem.field === undefined ? problem.message : `${problem.field} ${problem.message}`;
  return `${place.join(': ')}: ${what}`;
}

/** File order: by file as listed, then top-level problems, then entries by index. */
export function compareRuleConfigProblems(fileOrder: readonly string[]) {
  const rank = (file: string): number => {
    const at = fileOrder.indexOf(file);
    return at < 0 ? fileOrder.length : at;
  };
  return (a: RuleConfigProblem, b: RuleConfigProblem): number => rank(a.file) - rank(b.file) || (a.index ?? -1) - (b.index ?? -1);
}
