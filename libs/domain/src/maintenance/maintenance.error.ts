import { formatBeijing } from '../time/beijing-time';
import { effectiveEnd, type MaintenanceWindow } from './maintenance-window';

/**
 * Why a maintenance request was refused. The HTTP layer maps the code:
 * `invalid` → 400 (with `field`), `unknown-station` and `unknown-window` → 404,
 * `overlap`, `not-open` and `ambiguous` → 409 (the request conflicts with windows that exist).
 */
export type MaintenanceErrorCode = 'invalid' | 'unknown-station' | 'unknown-window' | 'overlap' | 'not-open' | 'ambiguous';

export abstract class MaintenanceError extends Error {
  abstract readonly code: MaintenanceErrorCode;
  /** The request field to fix, when one is to blame. */
  readonly field?: string;
}

/** A field of the request is wrong: empty reason, times in the past or reversed, a channel the station lacks. */
export class InvalidMaintenanceRequestError extends MaintenanceError {
  override readonly name = 'InvalidMaintenanceRequestError';
  readonly code = 'invalid';

  constructor(
    override readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnknownStationError extends MaintenanceError {
  override readonly name = 'UnknownStationError';
  readonly code = 'unknown-station';
  override readonly field = 'stationId';

  constructor(readonly stationId: string) {
    super(`No station ${stationId} in the registry; check the station code`);
  }
}

export class UnknownMaintenanceWindowError extends MaintenanceError {
  override readonly name = 'UnknownMaintenanceWindowError';
  readonly code = 'unknown-window';
  override readonly field = 'windowId';

  constructor(readonly windowId: string) {
    super(`No maintenance window ${windowId}; check the window id`);
  }
}

/** The new window would share time with one that takes the same station or channel out of service. */
export class MaintenanceOverlapError extends MaintenanceError {
  override readonly name = 'MaintenanceOverlapError';
  readonly code = 'overlap';

  constructor(readonly existing: MaintenanceWindow) {
    super(
      `Overlaps maintenance window ${existing.id} on ${describeTarget(existing)}, ${describeTimes(existing)}; ` +
        `end ${existing.id} first or choose times outside it`,
    );
  }
}

/** Nothing to end: the window is over already, or the station has no window open now. */
export class NoOpenMaintenanceError extends MaintenanceError {
  override readonly name = 'NoOpenMaintenanceError';
  readonly code = 'not-open';

  constructor(message: string) {
    super(message);
  }
}

/** A station has several windows open (one per channel); the maintainer must say which to end. */
export class AmbiguousMaintenanceError extends MaintenanceError {
  override readonly name = 'AmbiguousMaintenanceError';
  readonly code = 'ambiguous';
  override readonly field = 'windowId';

  constructor(
    readonly stationId: string,
    readonly open: readonly MaintenanceWindow[],
  ) {
    super(
      `Station ${stationId} has ${open.length} maintenance windows open (${open.map((w) => `${w.id} on ${describeTarget(w)}`).join(', ')}); ` +
        'end one by its window id',
    );
  }
}

export function describeTarget(window: MaintenanceWindow): string {
  return window.channel === undefined ? `station ${window.stationId}` : `the ${window.channel} channel of station ${window.stationId}`;
}

function describeTimes(window: MaintenanceWindow): string {
  return `${formatBeijing(window.from)} to ${formatBeijing(effectiveEnd(window))} Beijing time`;
}
