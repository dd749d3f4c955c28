/** How many problems the message lists; a broken file can have thousands and the log must stay readable. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * The station registry file is unreadable or invalid. The message names the file and lists the problems
 * (station index and id, field, what is wrong) so that whoever edits the file can fix it in one pass.
 */
export class StationRegistryError extends Error {
  override readonly name = 'StationRegistryError';

  constructor(
    /** The file (or other source) the registry came from. */
    readonly source: string,
    /** Every problem found, in file order; the message shows the first MAX_LISTED_PROBLEMS. */
    readonly problems: readonly string[],
    options?: ErrorOptions,
  ) {
    super(describe(source, problems), options);
  }
}

function describe(source: string, problems: readonly string[]): string {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).map((problem) => `  - ${problem}`);
  const hidden = problems.length - listed.length;
  if (hidden > 0) {
    listed.push(`  ... and ${hidden} more ${hidden === 1 ? 'problem' : 'problems'}`);
  }
  return [`Invalid station registry ${source}: ${count}`, ...listed].join('\n');
}
