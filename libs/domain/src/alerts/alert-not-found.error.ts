/** No alert with this id is held (never raised, or closed long ago and only in the log): a 404 at the edge. */
export class AlertNotFoundError extends Error {
  override readonly name = 'AlertNotFoundError';

  constructor(readonly alertId: string) {
    super(`No alert ${alertId}`);
  }
}
