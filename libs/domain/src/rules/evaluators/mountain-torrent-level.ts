import { millimetresOf, rainDepthMicrometres } from '../rainfall/rain-depth';
import type { RainfallTotal } from '../rainfall/rainfall-window';
import type { RainfallThreshold, WarningArea } from '../rule-set';

/** The two village warning levels: 准备转移 (prepare to evacuate) and 立即转移 (evacuate now), least severe first. */
export const TORRENT_LEVELS = ['prepare', 'evacuate'] as const;
export type TorrentLevel = (typeof TORRENT_LEVELS)[number];

export type RainfallAggregation = WarningArea['aggregation'];

/** One gauge's rain over one window. */
export interface GaugeRainfallTotal {
  readonly gaugeId: string;
  readonly total: RainfallTotal;
}

/** The area's rain over one window of its critical-rainfall table, against that window's thresholds. */
export interface TorrentWindowVerdict {
  readonly threshold: RainfallThreshold;
  /** Undefined below 准备转移. */
  readonly level: TorrentLevel | undefined;
  /** Millimetres: the wettest gauge's total (max) or the mean of the gauges' totals (mean). */
  readonly rainfall: number;
  /** The wettest gauge, the first of the area's list on a tie; null for the mean. */
  readonly gaugeId: string | null;
  /** Gauges that missed timed reports in the window: their rain there is unknown and counted as none. */
  readonly silentGauges: readonly string[];
}

/**
 * The depth (whole micrometres) compared with a critical rainfall: the wettest gauge's, or for the mean
 * the sum, compared with the threshold times the number of gauges so that no division rounds it.
 */
export function comparedDepth(depths: ArrayLike<number>, aggregation: RainfallAggregation): number {
  let compared = 0;
  for (let k = 0; k < depths.length; k += 1) {
    compared = aggregation === 'max' ? Math.max(compared, depths[k]!) : compared + depths[k]!;
  }
  return compared;
}

/** How many gauges' worth of the threshold the compared depth must reach. */
export function comparedGauges(gauges: number, aggregation: RainfallAggregation): number {
  return aggregation === 'max' ? 1 : gauges;
}

/**
 * The level a compared depth reaches: exact, and reaching a critical rainfall exactly counts. Missing
 * reports count as no rain, so the depth is a lower bound of the rain that fell: a level reached on it is
 * certain, its absence is not.
 */
export function torrentLevelOf(depth: number, gauges: number, threshold: RainfallThreshold): TorrentLevel | undefined {
  if (depth >= rainDepthMicrometres(threshold.evacuate) * gauges) return 'evacuate';
  if (depth >= rainDepthMicrometres(threshold.prepare) * gauges) return 'prepare';
  return undefined;
}

/** Whether `level` is more severe than `than` (anything is more severe than no level). */
export function outranks(level: TorrentLevel | undefined, than: TorrentLevel | undefined): boolean {
  return level !== undefined && (than === undefined || TORRENT_LEVELS.indexOf(level) > TORRENT_LEVELS.indexOf(than));
}

/** Judges one window with what a warning says about it: the aggregate, the gauge that decided, the gauges that missed reports. */
export function judgeTorrentWindow(threshold: RainfallThreshold, aggregation: RainfallAggregation, gauges: readonly GaugeRainfallTotal[]): TorrentWindowVerdict {
  if (gauges.length === 0) throw new RangeError('A warning area needs at least one gauge to judge');
  const depths = gauges.map((gauge) => gauge.total.micrometres);
  const depth = comparedDepth(depths, aggregation);
  const count = comparedGauges(gauges.length, aggregation);
  return {
    threshold,
    level: torrentLevelOf(depth, count, threshold),
    rainfall: millimetresOf(Math.round(depth / count)),
    gaugeId: aggregation === 'max' ? gauges[depths.indexOf(depth)]!.gaugeId : null,
    silentGauges: gauges.filter((gauge) => gauge.total.missingReports > 0).map((gauge) => gauge.gaugeId),
  };
}
