import { listProblems } from '@hydro/domain';

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
    super(listProblems(`Invalid notifications config ${source}`, problems), options);
  }
}
