/** How many problems a message lists; a broken file can have thousands and the log must stay readable. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * How every invalid file (station registry, flood rules, notifications, a replay) is reported: the
 * heading with the count, then the first MAX_LISTED_PROBLEMS problems one per line and how many more
 * there are, so whoever edits the file can fix it in one pass.
 */
export function listProblems(heading: string, problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
  const hidden = problems.length - listed.length;
  if (hidden > 0) listed.push(`  ... and ${hidden} more ${hidden === 1 ? 'problem' : 'problems'}`);
  return [`${heading}: ${count}`, ...listed].join('\n');
}
