import type { Channel } from '../telemetry/channel';
import type { TimeRange } from '../time/time-range';

/** A channel, or `any`: over both channels, where a report that came twice counts once. */
export type CountChannel = Channel | 'any';

/**
 * What the store counts for the arrival rate: the DISTINCT on-schedule observation times (observedAt on a
 * multiple of the station's reporting interval) that arrived, per station, channel and bucket. Buckets
 * are epoch-aligned multiples of the report's `every`, so one-day buckets are hydrological days.
 */
export interface ArrivalCount {
  readonly stationId: string;
  readonly channel: CountChannel;
  /** Bucket start, epoch ms. */
  readonly time: number;
  readonly count: number;
}

/**
 * Time under maintenance for one station and count channel, within the report range. The store is asked
 * for the counts inside each interval (same shape as ArrivalCount) so that the report can take them out.
 */
export interface MaintenanceInterval extends TimeRange {
  readonly stationId: string;
  readonly channel: CountChannel;
}
