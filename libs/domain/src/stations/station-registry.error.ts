import { listProblems } from '../problems/problem-list';

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
    super(listProblems(`Invalid station registry ${source}`, problems), options);
  }
}
