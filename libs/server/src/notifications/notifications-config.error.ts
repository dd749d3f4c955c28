/** How many problems the message lists: the log must stay readable. */
const MAX_LISTED_PROBLEMS = 20;

/**
 * config/notifications.json is unreadable or invalid. The message names the file and lists every
 * problem (entry index and id, field, what is wrong) so that it can be fixed in one pass. Secrets
 * are never shown, and URLs only up to their query (webhook URLs often carry an access token).
 */
export class NotificationsConfigError extends Error {
  override readonly name = 'NotificationsConfigError';

  constructor(
    readonly source: string,
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
  if (hidden > 0) listed.push(`  ... and ${hidden} more`);
  return [`Invalid notifications config ${source}: ${count}`, ...listed].join('\n');
}
