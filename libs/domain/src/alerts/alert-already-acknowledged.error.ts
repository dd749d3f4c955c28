import type { AlertState } from './alert';

/**
 * Someone already acknowledged this alert (two forecasters clicking at once, or a resolved alert
 * acknowledged and closed): a 409 at the edge. It names who, so the second person knows.
 */
export class AlertAlreadyAcknowledgedError extends Error {
  override readonly name = 'AlertAlreadyAcknowledgedError';

  constructor(
    readonly alertId: string,
    readonly state: AlertState,
    readonly acknowledgedBy: string | undefined,
    readonly acknowledgedAt: number | undefined,
  ) {
    super(`Alert ${alertId} (${state}) is already acknowledged${acknowledgedBy === undefined ? '' : ` by ${acknowledgedBy}`}`);
  }
}
