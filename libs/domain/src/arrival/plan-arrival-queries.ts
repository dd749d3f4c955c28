import type { Station } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import type { TimeRange } from '../time/time-range';
import type { CountChannel, MaintenanceInterval } from './arrival-count';
import { countChannelsFor, stationShares, type ArrivalGrouping } from './arrival-grouping';

/** Where the maintenance time comes from (the maintenance calendar). */
export interface MaintenanceTime {
  /** Merged, clipped to the range; `undefined` channel: the whole station. */
  intervals(stationId: string, channel: Channel | undefined, range: TimeRange): readonly TimeRange[];
}

/** The store queries an arrival report needs. */
export interface ArrivalQueryPlan {
  /** Ask for ArrivalCounts over the range on each of these (`any`: distinct over both channels). */
  readonly countChannels: readonly CountChannel[];
  /** And, for each, the ArrivalCounts inside the interval on its channel: these are taken out again. */
  readonly maintenanceIntervals: readonly MaintenanceInterval[];
}

export interface ArrivalQueryPlanInput {
  readonly stations: readonly Station[];
  readonly range: TimeRange;
  readonly groupBy: ArrivalGrouping;
  readonly maintenance: MaintenanceTime;
}

/**
 * Which counts to fetch for a report. Per-channel rows leave out that channel's windows and whole-station
 * windows; the other rows leave out the time the whole station was under maintenance.
 */
export function planArrivalQueries(input: ArrivalQueryPlanInput): ArrivalQueryPlan {
  const maintenanceIntervals = input.stations.flatMap((station, index) =>
    stationShares(station, index, input.groupBy).flatMap(({ channel }) =>
      input.maintenance
        .intervals(station.id, channel === 'any' ? undefined : channel, input.range)
        .map((interval) => ({ stationId: station.id, channel, from: interval.from, to: interval.to })),
    ),
  );
  return { countChannels: countChannelsFor(input.groupBy), maintenanceIntervals };
}
