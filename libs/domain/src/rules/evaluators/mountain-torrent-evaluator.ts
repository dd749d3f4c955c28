import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS } from '../../time/durations';
import { LONGEST_RAINFALL_WINDOW_MS, RAINFALL_MARGIN_MS, type RainfallWindow } from '../rainfall/rainfall-window';
import { RainfallWindows } from '../rainfall/rainfall-windows';
import { NO_OUTCOMES, type RuleEvaluator, type RuleInput } from '../rule-evaluator';
import type { MountainTorrentRule, RainfallThreshold } from '../rule-set';
import { ruleAlertPolicy } from './level/rule-alert-policy';
import { SilenceWatch } from './level/silence-watch';
import { mountainTorrentDetails, warningAreaDetails, type WarningAreaDetails } from './mountain-torrent-details';
import { comparedDepth, comparedGauges, judgeTorrentWindow, outranks, torrentLevelOf, type TorrentLevel, type TorrentWindowVerdict } from './mountain-torrent-level';

/**
 * Flash-flood (山洪) warning for one village or small watershed. At the evaluation time t, the latest
 * observation time of any of the area's gauges, each window of the critical-rainfall table aggregates
 * the gauges' rolling totals over (t − window, t] (max: the wettest gauge; mean: areal rainfall) and the
 * highest level reached decides: 立即转移 at or above `evacuate`, else 准备转移 at or above `prepare`.
 *
 * Missing data never resolves: a missing report counts as no rain, so a breach is certain but "normal" is
 * said only when every gauge is up to date at t (reported within staleAfterMs and its report for the
 * latest slot is in); otherwise there is no verdict. The totals are a function of the reports held, so
 * late and out-of-order reports (BeiDou catch-up) end in the same verdicts whatever order they came in:
 * a late report re-judges the area at every report time of its gauges from its own on, so a burst of
 * rain that crossed a threshold in a short window an hour ago is seen even when it has left the window
 * by the time the report arrives. A warning clears as the rain slides out of the windows, through the
 * lifecycle's clearing delay.
 */
export class MountainTorrentEvaluator implements RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  private readonly gaugeIndex: ReadonlyMap<string, number>;
  private readonly gauges: readonly RainfallWindow[];
  /** Revision of each gauge's window last judged: a report another area already placed is still news here. */
  private readonly judgedRevisions: number[];
  /** Shortest window first, so the first window at the highest level wins a tie. */
  private readonly thresholds: readonly RainfallThreshold[];
  private readonly silence: SilenceWatch;
  private readonly longestWindowMs: number;
  private readonly areaDetails: WarningAreaDetails;
  /** Scratch space for the gauges' depths over one window: judging allocates nothing until a level is reached. */
  private readonly depths: number[];

  /**
   * @param rainfall the gauges' windows, shared by all areas; by default this area keeps its own. They must
   *   keep at least the area's longest window.
   */
  constructor(
    private readonly rule: MountainTorrentRule,
    stations: StationLookup,
    rainfall?: RainfallWindows,
  ) {
    const { area } = rule;
    if (area.gaugeIds.length === 0) throw new RangeError(`Rule ${rule.id}: warning area ${area.id} has no gauges`);
    if (area.thresholds.length === 0) throw new RangeError(`Rule ${rule.id}: warning area ${area.id} has no critical rainfall`);
    if (new Set(area.gaugeIds).size !== area.gaugeIds.length) throw new RangeError(`Rule ${rule.id}: warning area ${area.id} lists a gauge twice`);
    for (const gaugeId of area.gaugeIds) {
      if (stations.get(gaugeId) === undefined) throw new RangeError(`Rule ${rule.id} reads gauge ${gaugeId}, which is not in the station registry`);
    }
    this.thresholds = [...area.thresholds].sort((a, b) => a.windowHours - b.windowHours);
    const longestMs = this.thresholds[this.thresholds.length - 1]!.windowHours * HOUR_MS;
    this.longestWindowMs = longestMs;
    const windows = rainfall ?? new RainfallWindows(stations, Math.max(longestMs, LONGEST_RAINFALL_WINDOW_MS));
    if (windows.keptMs < longestMs + RAINFALL_MARGIN_MS) {
      throw new RangeError(`Rule ${rule.id} reads ${longestMs / HOUR_MS} h windows; the rainfall windows keep only ${windows.keptMs / HOUR_MS} h`);
    }
    this.subject = {
      ruleId: rule.id,
      kind: 'mountain_torrent',
      subjectId: area.id,
      stationIds: [...area.gaugeIds],
      district: area.district,
      basin: area.basin,
    };
    this.policy = ruleAlertPolicy(rule);
    this.inputs = area.gaugeIds.map((stationId) => ({ stationId, element: 'rainfall' }));
    this.gaugeIndex = new Map(area.gaugeIds.map((gaugeId, index) => [gaugeId, index]));
    this.gauges = area.gaugeIds.map((gaugeId) => windows.of(gaugeId));
    this.judgedRevisions = this.gauges.map((window) => window.revision);
    this.silence = new SilenceWatch(rule.staleAfterMs);
    this.areaDetails = warningAreaDetails(area);
    this.depths = this.gauges.map(() => 0);
  }

  /**
   * The verdicts at the report times of the area's gauges from the report's own to the evaluation time,
   * after placing it (one verdict for a report in order); none for a copy, a report too old to matter,
   * one not of this area, or no verdict (see the class comment).
   */
  accept(reading: Reading): readonly AlertOutcome[] {
    const index = this.place(reading);
    if (index === undefined) return NO_OUTCOMES;
    const revision = this.gauges[index]!.revision;
    if (revision === this.judgedRevisions[index]) return NO_OUTCOMES;
    this.judgedRevisions[index] = revision;
    const t = this.evaluatedAt!;
    const times = reading.observedAt < t ? this.reportTimesIn(reading.observedAt, t) : [t];
    const outcomes: AlertOutcome[] = [];
    for (const at of times) {
      const verdict = this.verdictAt(at);
      if (verdict !== undefined) outcomes.push(verdict);
    }
    return outcomes;
  }

  /**
   * Places a report in its gauge's window without judging (rebuilding windows from history at start-up);
   * the next report judges. Returns the gauge's index, undefined for a report this area does not use.
   */
  place(reading: Reading): number | undefined {
    const index = this.gaugeIndex.get(reading.stationId);
    if (index === undefined || reading.element !== 'rainfall' || reading.quality === 'suspect') return undefined;
    if (!Number.isFinite(reading.value) || reading.value < 0) return undefined;
    this.gauges[index]!.record(reading.observedAt, reading.value);
    return index;
  }

  /**
   * `no_data` once when every gauge of the area has been silent for staleAfterMs. The windows are not
   * re-judged at `now`: gauges report every 5 to 60 minutes and each report re-judges the area at its own
   * observation time, so the windows slide with the reports, and a verdict at a wall-clock time no gauge
   * has reported up to would count rain not yet reported as none.
   */
  tick(now: number): AlertOutcome | undefined {
    return this.silence.check(this.evaluatedAt, now);
  }

  /** The latest observation time of any of the area's gauges; undefined before the first report. */
  get evaluatedAt(): number | undefined {
    let latest: number | undefined;
    for (const window of this.gauges) {
      const newest = window.newestAt;
      if (newest !== undefined && (latest === undefined || newest > latest)) latest = newest;
    }
    return latest;
  }

  /** Each window of the area's table judged at the evaluation time, shortest first; empty before any report. */
  windows(): TorrentWindowVerdict[] {
    const t = this.evaluatedAt;
    return t === undefined ? [] : this.thresholds.map((threshold) => this.judge(t, threshold));
  }

  /**
   * The verdict at the evaluation time from all reports held; undefined before any, or while "normal" is
   * unsure. The window with the highest level decides, the shortest on a tie.
   */
  current(): BreachOutcome | NormalOutcome | undefined {
    const t = this.evaluatedAt;
    return t === undefined ? undefined : this.verdictAt(t);
  }

  /** The report times of any of the area's gauges in [from, to], oldest first, each once. */
  private reportTimesIn(from: number, to: number): number[] {
    const times = this.gauges.flatMap((window) => window.timesIn(from, to)).sort((a, b) => a - b);
    return times.filter((at, k) => k === 0 || at !== times[k - 1]);
  }

  /** The verdict at `t` from the reports held; undefined while "normal" is unsure. */
  private verdictAt(t: number): BreachOutcome | NormalOutcome | undefined {
    let deciding: RainfallThreshold | undefined;
    let level: TorrentLevel | undefined;
    for (const threshold of this.thresholds) {
      const reached = this.levelOver(t, threshold);
      if (outranks(reached, level)) [deciding, level] = [threshold, reached];
    }
    if (deciding !== undefined && level !== undefined) {
      const details = mountainTorrentDetails(this.areaDetails, level, this.judge(t, deciding));
      return { type: 'breach', severity: this.rule.severities[level], observedAt: t, details };
    }
    if (!this.gauges.every((window) => window.isUpToDateAt(t, this.rule.staleAfterMs))) return undefined;
    // A time re-judged for a late report may lie so far back that its longest window reaches reports
    // already dropped: a breach on what is left is still certain, a "normal" is not.
    if (!this.gauges.every((window) => window.holdsWholeWindow(t, this.longestWindowMs))) return undefined;
    return { type: 'normal', observedAt: t };
  }

  private levelOver(t: number, threshold: RainfallThreshold): TorrentLevel | undefined {
    const windowMs = threshold.windowHours * HOUR_MS;
    for (let k = 0; k < this.gauges.length; k += 1) this.depths[k] = this.gauges[k]!.depthIn(t, windowMs);
    const { aggregation } = this.rule.area;
    return torrentLevelOf(comparedDepth(this.depths, aggregation), comparedGauges(this.depths.length, aggregation), threshold);
  }

  private judge(t: number, threshold: RainfallThreshold): TorrentWindowVerdict {
    const { gaugeIds, aggregation } = this.rule.area;
    const windowMs = threshold.windowHours * HOUR_MS;
    return judgeTorrentWindow(
      threshold,
      aggregation,
      this.gauges.map((window, index) => ({ gaugeId: gaugeIds[index]!, total: window.total(t, windowMs) })),
    );
  }
}
