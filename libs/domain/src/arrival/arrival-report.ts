import type { Station } from '../stations/station';
import { clipRanges, mergeRanges, rangeLength, type TimeRange } from '../time/time-range';
import type { ArrivalCount, CountChannel, MaintenanceInterval } from './arrival-count';
import { stationShares, TOTAL_KEY, TOTAL_LABEL, type ArrivalGrouping, type StationShare } from './arrival-grouping';
import { addTallies, arrivalRate, EMPTY_TALLY, maintenanceMinutes, stationTally, type ArrivalTally } from './arrival-tally';
import { bucketStart, reportBuckets, type ReportBucket, type ReportEvery } from './report-buckets';
import { expectedReports } from './report-slots';

export interface ArrivalReportInput {
  /** The stations to report on, in the order their rows should appear. */
  readonly stations: readonly Station[];
  readonly range: TimeRange;
  readonly every: ReportEvery;
  /** From the store, on the channels planArrivalQueries names, over the range. */
  readonly counts: readonly ArrivalCount[];
  /** From the store, inside each of `maintenanceIntervals`. */
  readonly maintenanceCounts: readonly ArrivalCount[];
  /** As planArrivalQueries gave them. */
  readonly maintenanceIntervals: readonly MaintenanceInterval[];
  readonly groupBy: ArrivalGrouping;
}

/** One line of the report: a station, channel, district, basin or the total, over one bucket. */
export interface ArrivalRow {
  /** Station id, `stationId:channel`, district or basin code, or `total`. */
  readonly key: string;
  readonly label: string;
  /** The hydrological day, when the report is per day. */
  readonly day?: string;
  /** The part of the range this row covers, [from, to). */
  readonly from: number;
  readonly to: number;
  /** Timed reports due, maintenance left out. */
  readonly expected: number;
  /** Distinct due reports that arrived, maintenance left out, at most `expected`. */
  readonly received: number;
  /** received ÷ expected, 0 to 1; null when nothing was expected. */
  readonly rate: number | null;
  /** Time under maintenance, summed over the row's stations (station-minutes for a group). */
  readonly maintenanceMinutes: number;
  /** Arrivals the cap at `expected` left out (normally 0). */
  readonly excess: number;
}

export interface ArrivalReport {
  readonly range: TimeRange;
  readonly every: ReportEvery;
  readonly groupBy: ArrivalGrouping;
  /** By bucket, then station order (registry) or catalogue order (districts, basins). */
  readonly rows: readonly ArrivalRow[];
  /** Every station together, one per bucket. */
  readonly bucketTotals: readonly ArrivalRow[];
  /** Every station over the whole range. */
  readonly total: ArrivalRow;
}

/**
 * 到报率: distinct timed reports received ÷ expected, with maintenance time left out of both. Each
 * station's bucket is computed on its own (and capped), then summed into its row and the totals.
 */
export function arrivalReport(input: ArrivalReportInput): ArrivalReport {
  const buckets = reportBuckets(input.range, input.every);
  const bucketOf = (time: number) => (input.every === 'range' ? buckets[0]?.time : bucketStart(time, input.every));
  const counts = indexCounts(input.counts, bucketOf);
  const maintenanceCounts = indexCounts(input.maintenanceCounts, bucketOf);
  const maintenance = indexIntervals(input.maintenanceIntervals);

  const rows = new Map<string, { share: StationShare; tallies: ArrivalTally[] }>();
  input.stations.forEach((station, index) => {
    for (const share of stationShares(station, index, input.groupBy)) {
      const excluded = maintenanceOf(maintenance, station.id, share.channel);
      const row = rows.get(share.key) ?? { share, tallies: buckets.map(() => EMPTY_TALLY) };
      rows.set(share.key, row);
      buckets.forEach((bucket, i) => {
        const inBucket = clipRanges(excluded, bucket);
        const key = countKey(station.id, share.channel, bucket.time);
        const tally = stationTally(
          expectedReports(bucket, station.reportingIntervalMinutes, inBucket),
          counts.get(key) ?? 0,
          maintenanceCounts.get(key) ?? 0,
          inBucket.reduce((sum, r) => sum + rangeLength(r), 0),
        );
        row.tallies[i] = addTallies(row.tallies[i]!, tally);
      });
    }
  });

  const ordered = [...rows.values()].sort((a, b) => a.share.order - b.share.order || a.share.key.localeCompare(b.share.key));
  const bucketSums = buckets.map((_, i) => ordered.reduce((sum, row) => addTallies(sum, row.tallies[i]!), EMPTY_TALLY));
  return {
    range: input.range,
    every: input.every,
    groupBy: input.groupBy,
    rows: buckets.flatMap((bucket, i) => ordered.map((row) => toRow(row.share.key, row.share.label, bucket, row.tallies[i]!))),
    bucketTotals: buckets.map((bucket, i) => toRow(TOTAL_KEY, TOTAL_LABEL, bucket, bucketSums[i]!)),
    total: toRow(TOTAL_KEY, TOTAL_LABEL, { ...input.range, time: input.range.from }, bucketSums.reduce(addTallies, EMPTY_TALLY)),
  };
}

function toRow(key: string, label: string, bucket: ReportBucket, tally: ArrivalTally): ArrivalRow {
  return {
    key,
    label,
    ...(bucket.day === undefined ? {} : { day: bucket.day }),
    from: bucket.from,
    to: bucket.to,
    expected: tally.expected,
    received: tally.received,
    rate: arrivalRate(tally),
    maintenanceMinutes: maintenanceMinutes(tally),
    excess: tally.excess,
  };
}

function countKey(stationId: string, channel: CountChannel, bucket: number): string {
  return `${stationId}\u0000${channel}\u0000${bucket}`;
}

/** Sums by (station, channel, bucket); counts outside every bucket are dropped. */
function indexCounts(counts: readonly ArrivalCount[], bucketOf: (time: number) => number | undefined): Map<string, number> {
  const index = new Map<string, number>();
  for (const count of counts) {
    const bucket = bucketOf(count.time);
    if (bucket === undefined) continue;
    const key = countKey(count.stationId, count.channel, bucket);
    index.set(key, (index.get(key) ?? 0) + count.count);
  }
  return index;
}

/**
 * By (station, channel). Each row uses exactly the intervals planned for its channel, the same ones the
 * maintenance counts were fetched for, so numerator and denominator leave out the same time.
 */
function indexIntervals(intervals: readonly MaintenanceInterval[]): Map<string, TimeRange[]> {
  const index = new Map<string, TimeRange[]>();
  for (const interval of intervals) {
    const key = `${interval.stationId}\u0000${interval.channel}`;
    const list = index.get(key) ?? [];
    list.push({ from: interval.from, to: interval.to });
    index.set(key, list);
  }
  return index;
}

/** Merged again, in case the caller built the list by hand. */
function maintenanceOf(index: Map<string, TimeRange[]>, stationId: string, channel: CountChannel): TimeRange[] {
  return mergeRanges(index.get(`${stationId}\u0000${channel}`) ?? []);
}
