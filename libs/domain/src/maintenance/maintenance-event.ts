import type { MaintenanceWindow } from './maintenance-window';

/**
 * A window was opened. Events are the maintenance history (stream `maintenance` of the event log) and its
 * audit trail at once: each says who did what, when and why. Plain JSON (type aliases, so an event is
 * assignable to the log's record type), stored as is.
 */
export type MaintenanceOpened = {
  readonly type: 'opened';
  /** As opened: never with `endedAt`/`endedBy`. */
  readonly window: Omit<MaintenanceWindow, 'endedAt' | 'endedBy'>;
  /** When the maintainer asked, epoch ms. */
  readonly at: number;
  readonly actor: string;
  readonly reason: string;
};

/** A window was ended before its planned end. */
export type MaintenanceEnded = {
  readonly type: 'ended';
  readonly windowId: string;
  /** When it was ended, which becomes the window's `endedAt`, epoch ms. */
  readonly at: number;
  readonly actor: string;
  /** Why, when the maintainer said (e.g. "repaired, reporting again"). */
  readonly reason?: string;
};

export type MaintenanceEvent = MaintenanceOpened | MaintenanceEnded;
