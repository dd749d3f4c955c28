import type { Channel } from '../telemetry/channel';

/**
 * Whether a station (channel undefined) or one of its channels is under maintenance at `at`.
 * Maintenance windows are kept elsewhere; health only asks.
 */
export type MaintenancePredicate = (stationId: string, channel: Channel | undefined, at: number) => boolean;

export const NO_MAINTENANCE: MaintenancePredicate = () => false;

/** Whole stations under maintenance, from a plain set of ids. */
export function maintenanceOfStations(stationIds: ReadonlySet<string>): MaintenancePredicate {
  return (stationId, channel) => channel === undefined && stationIds.has(stationId);
}
