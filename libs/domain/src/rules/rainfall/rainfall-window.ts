import { isOnSchedule } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { millimetresOf, rainDepthMicrometres } from './rain-depth';
import { latestSlotAtOrBefore, slotsBetween } from './reporting-slots';
import { firstAfter } from './sorted-times';

/** The longest window flash-flood rules read by default (临界雨量 tables stop at 24 h). */
export const LONGEST_RAINFALL_WINDOW_MS = 24 * HOUR_MS;
/**
 * Margin kept behind the longest window, so a total ending up to an hour before the gauge's newest
 * report (another area's evaluation time, a history view) is still whole.
 */
export const RAINFALL_MARGIN_MS = HOUR_MS;
/** Fewer dropped entries than this are not worth copying the arrays for. */
const COMPACT_AFTER = 256;

/** What recording one report did. */
export type RainfallChange = 'added' | 'corrected' | 'unchanged' | 'too_old';

/** Rain of one gauge over one window (t − windowMs, t]. */
export interface RainfallTotal {
  readonly endsAt: number;
  readonly windowMs: number;
  readonly millimetres: number;
  /** The same depth in whole micrometres: exact, for sums and threshold comparisons. */
  readonly micrometres: number;
  /** Reports in the window, timed or added. */
  readonly reports: number;
  /** Timed-report slots the window holds by the gauge's reporting interval. */
  readonly expectedReports: number;
  /** Slots without their timed report: the rain of those intervals is unknown, counted as none. */
  readonly missingReports: number;
}

export interface RainfallWindowOptions {
  readonly reportingIntervalMinutes: number;
  /** How much observation time is kept behind the newest report; default 24 h + 1 h. */
  readonly keptMs?: number;
}

/**
 * The rain one gauge reported, by observation time, for rolling totals. Each report is the rain of the
 * interval ending at its observation time, so the total over a window of length w ending at t is the sum
 * of the reports observed in (t − w, t]: a report exactly w before t covers rain that fell before the
 * window and is OUT; one at t is IN. Totals therefore ignore the 08:00 hydrological day.
 *
 * Reports are held sorted with prefix sums of their depths (whole micrometres, so sums are exact): an
 * in-order report is appended in O(1), any window total costs a binary search or two. A late or
 * out-of-order report (a BeiDou catch-up) is placed by binary search and shifts the prefix sums of the
 * reports newer than it, at most a day of one gauge's reports. A second report at the same observation
 * time replaces the first (a correction; the copy over the other channel changes nothing). Reports older
 * than `keptMs` behind the newest are dropped, and refused when they arrive that late.
 */
export class RainfallWindow {
  readonly reportingIntervalMinutes: number;
  readonly keptMs: number;
  private readonly intervalMs: number;
  private times: number[] = [];
  private depths: number[] = [];
  /** depthBefore[k]: micrometres of the reports before index k (the first `dropped` are no longer kept). */
  private depthBefore: number[] = [0];
  /** timedBefore[k]: how many of the reports before index k are timed (on a slot). */
  private timedBefore: number[] = [0];
  private dropped = 0;
  private changes = 0;
  /** Observation time of the newest report dropped, or refused as too old. */
  private newestLost = Number.NEGATIVE_INFINITY;

  constructor(options: RainfallWindowOptions) {
    this.reportingIntervalMinutes = options.reportingIntervalMinutes;
    this.intervalMs = options.reportingIntervalMinutes * MINUTE_MS;
    this.keptMs = options.keptMs ?? LONGEST_RAINFALL_WINDOW_MS + RAINFALL_MARGIN_MS;
    if (!(this.keptMs > 0)) throw new RangeError(`A rainfall window must keep some time, not ${this.keptMs} ms`);
  }

  /** Newest observation time held; undefined before the first report. */
  get newestAt(): number | undefined {
    return this.times.length > this.dropped ? this.times[this.times.length - 1] : undefined;
  }

  /** Oldest observation time still held. */
  get oldestAt(): number | undefined {
    return this.times.length > this.dropped ? this.times[this.dropped] : undefined;
  }

  /** Reports held. */
  get size(): number {
    return this.times.length - this.dropped;
  }

  /** Grows with every change of what the window holds: a reader compares it to tell news from copies. */
  get revision(): number {
    return this.changes;
  }

  /** Records the rain of the interval ending at `observedAt`. Throws RangeError for a negative or non-finite depth. */
  record(observedAt: number, millimetres: number): RainfallChange {
    const depth = rainDepthMicrometres(millimetres);
    const newest = this.newestAt;
    if (newest !== undefined && observedAt <= newest - this.keptMs) {
      this.newestLost = Math.max(this.newestLost, observedAt);
      return 'too_old';
    }
    const at = firstAfter(this.times, observedAt, this.dropped);
    if (at > this.dropped && this.times[at - 1] === observedAt) return this.correct(at - 1, depth);
    if (at === this.times.length) this.append(observedAt, depth);
    else this.insert(at, observedAt, depth);
    this.changes += 1;
    if (newest === undefined || observedAt > newest) this.dropOlderThan(observedAt - this.keptMs);
    return 'added';
  }

  /** Rain in (t − windowMs, t] in whole micrometres: the hot path, which allocates nothing. */
  depthIn(t: number, windowMs: number): number {
    return this.depthBefore[this.countThrough(t)]! - this.depthBefore[this.countThrough(t - windowMs)]!;
  }

  /** Rain in (t − windowMs, t], with how complete the gauge's reporting was in it. */
  total(t: number, windowMs: number): RainfallTotal {
    const end = this.countThrough(t);
    const start = this.countThrough(t - windowMs);
    const micrometres = this.depthBefore[end]! - this.depthBefore[start]!;
    const timed = this.timedBefore[end]! - this.timedBefore[start]!;
    const expectedReports = slotsBetween(t - windowMs, t, this.intervalMs);
    return {
      endsAt: t,
      windowMs,
      millimetres: millimetresOf(micrometres),
      micrometres,
      reports: end - start,
      expectedReports,
      missingReports: Math.max(0, expectedReports - timed),
    };
  }

  /**
   * Whether the gauge could be taken as reporting at `t`, by what it had reported up to t: its latest
   * report at or before t is within `staleAfterMs` of t, and at or after the latest slot at or before t.
   * Until then a window ending at t may still lack rain that fell. Reports after t do not count, so a
   * past t is judged as it was at the time.
   */
  isUpToDateAt(t: number, staleAfterMs: number): boolean {
    const through = this.countThrough(t);
    if (through === this.dropped) return false;
    const latest = this.times[through - 1]!;
    if (t - latest >= staleAfterMs) return false;
    const slot = latestSlotAtOrBefore(t, this.intervalMs);
    return slot === undefined || latest >= slot;
  }

  /**
   * Whether no report of (t − windowMs, t] has been dropped or refused as too old: a window ending
   * long before the newest report may lack some, and its total is then too low.
   */
  holdsWholeWindow(t: number, windowMs: number): boolean {
    return this.newestLost <= t - windowMs;
  }

  /** Observation times of the reports held in [from, to], oldest first. */
  timesIn(from: number, to: number): number[] {
    return this.times.slice(firstAfter(this.times, from - 1, this.dropped), this.countThrough(to));
  }

  /** Index of the first kept report observed after t; the common case (t at or after the newest) needs no search. */
  private countThrough(t: number): number {
    const newest = this.newestAt;
    if (newest === undefined || t >= newest) return this.times.length;
    return firstAfter(this.times, t, this.dropped);
  }

  private correct(index: number, depth: number): RainfallChange {
    const change = depth - this.depths[index]!;
    if (change === 0) return 'unchanged';
    this.depths[index] = depth;
    for (let k = index + 1; k < this.depthBefore.length; k += 1) this.depthBefore[k]! += change;
    this.changes += 1;
    return 'corrected';
  }

  private append(observedAt: number, depth: number): void {
    const last = this.times.length;
    this.times.push(observedAt);
    this.depths.push(depth);
    this.depthBefore.push(this.depthBefore[last]! + depth);
    this.timedBefore.push(this.timedBefore[last]! + this.timedCount(observedAt));
  }

  private insert(index: number, observedAt: number, depth: number): void {
    this.times.splice(index, 0, observedAt);
    this.depths.splice(index, 0, depth);
    this.depthBefore.splice(index + 1, 0, 0);
    this.timedBefore.splice(index + 1, 0, 0);
    for (let k = index; k < this.times.length; k += 1) {
      this.depthBefore[k + 1] = this.depthBefore[k]! + this.depths[k]!;
      this.timedBefore[k + 1] = this.timedBefore[k]! + this.timedCount(this.times[k]!);
    }
  }

  private timedCount(observedAt: number): number {
    return isOnSchedule(observedAt, this.reportingIntervalMinutes) ? 1 : 0;
  }

  /** Forgets reports observed at or before `limit`; copies the arrays only once enough have gone. */
  private dropOlderThan(limit: number): void {
    const kept = firstAfter(this.times, limit, this.dropped);
    if (kept > this.dropped) this.newestLost = Math.max(this.newestLost, this.times[kept - 1]!);
    this.dropped = kept;
    if (this.dropped < COMPACT_AFTER || this.dropped * 2 < this.times.length) return;
    const from = this.dropped;
    const depthBase = this.depthBefore[from]!;
    const timedBase = this.timedBefore[from]!;
    this.times = this.times.slice(from);
    this.depths = this.depths.slice(from);
    this.depthBefore = this.depthBefore.slice(from).map((sum) => sum - depthBase);
    this.timedBefore = this.timedBefore.slice(from).map((count) => count - timedBase);
    this.dropped = 0;
  }
}
