import type { AlertEventType } from './alert-event';

/**
 * The alert events do not fold: an event for an alert never raised, a second 'raised' for one id, or
 * an event after 'closed'. The log is append-only, so this means a corrupt or partial history.
 */
export class AlertHistoryError extends Error {
  override readonly name = 'AlertHistoryError';

  constructor(
    readonly alertId: string,
    readonly eventType: AlertEventType,
    readonly reason: string,
  ) {
    super(`Alert history of ${alertId} does not fold at '${eventType}': ${reason}`);
  }
}
