import { stationRuleSubject } from './level/station-rule-subject';
import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { Station } from '../../stations/station';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { NO_OUTCOMES, type RuleEvaluator, type RuleInput } from '../rule-evaluator';
import type { RateOfRiseRule } from '../rule-set';
import { atOrAbove, toMillimetre } from './level/level-tolerance';
import { ruleAlertPolicy } from './level/rule-alert-policy';
import { SilenceWatch } from './level/silence-watch';
import { FoldedHistory } from './level/folded-history';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { isUsableLevelReading } from './level/usable-level-reading';

/**
 * Part of the window the readings must span before a rise is judged: the oldest reading in the window
 * must lie at or before `t − windowMs × 0.8`. A gauge back from a gap (or just started) says nothing
 * rather than "normal" about a window it mostly did not see; one lost report does not silence it.
 */
export const RISE_WINDOW_COVERAGE = 0.8;

/**
 * A water level rising fast. The rise at observation time t is `value(t) − lowest value in
 * [t − windowMs, t]` (both ends inclusive), not `value(t) − value(t − windowMs)`: a rise that starts
 * mid-window after a dip counts at its full size, no value needs interpolating across a gap, and the
 * minimum of a set is the same whatever order its readings came in. Breach when rise ≥ the rule's rise.
 * A late reading is placed and the rise re-judged at every observation time from its own on, so a
 * fast rise a BeiDou batch shows after the level has already levelled off is still seen.
 */
export class RateOfRiseEvaluator implements RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  /** Levels by observation time; the fold keeps nothing, only the placing and dropping. */
  private readonly levels: FoldedHistory<number, undefined>;
  private readonly silence: SilenceWatch;

  constructor(
    private readonly rule: RateOfRiseRule,
    station: Station,
  ) {
    this.subject = stationRuleSubject(rule, 'rate_of_rise', station);
    this.policy = ruleAlertPolicy(rule);
    this.inputs = [{ stationId: rule.stationId, element: 'water_level' }];
    // A rise judged at the oldest placeable time (the late-reading horizon) reads a window before it.
    this.levels = new FoldedHistory<number, undefined>(() => undefined, undefined, LATE_READING_HORIZON_MS + rule.windowMs);
    this.silence = new SilenceWatch(rule.staleAfterMs);
  }

  /** The verdicts from the reading's observation time to the newest; none for a copy, a reading too late to place, or too little data. */
  accept(reading: Reading): readonly AlertOutcome[] {
    if (reading.stationId !== this.rule.stationId || !isUsableLevelReading(reading)) return NO_OUTCOMES;
    if (this.levels.has(reading.observedAt) || this.isTooLate(reading.observedAt)) return NO_OUTCOMES;
    const placed = this.levels.put(reading.observedAt, reading.value);
    if (placed < 0) return NO_OUTCOMES;
    const outcomes: AlertOutcome[] = [];
    for (let index = placed; index <= this.levels.lastIndex; index++) {
      const verdict = this.verdictAt(index);
      if (verdict !== undefined) outcomes.push(verdict);
    }
    return outcomes;
  }

  /** Older than the late-reading horizon: the window before it may reach readings already dropped. */
  private isTooLate(at: number): boolean {
    const newest = this.levels.newestAt;
    return newest !== undefined && at < newest - LATE_READING_HORIZON_MS;
  }

  /** `no_data` once the gauge has been silent for the rule's staleAfterMs, once per silence. */
  tick(now: number): AlertOutcome | undefined {
    return this.silence.check(this.levels.newestAt, now);
  }

  /** The verdict at the newest observation time; undefined while the readings span too little of the window. */
  current(): BreachOutcome | NormalOutcome | undefined {
    return this.levels.size === 0 ? undefined : this.verdictAt(this.levels.lastIndex);
  }

  /** The rise into the reading at `index` over the window before it; undefined while the readings span too little of it. */
  private verdictAt(index: number): BreachOutcome | NormalOutcome | undefined {
    const at = this.levels.timeAt(index);
    const value = this.levels.valueAt(index);
    const from = at - this.rule.windowMs;
    let lowest = value;
    let oldest = index;
    for (let k = index - 1; k >= this.levels.firstIndex && this.levels.timeAt(k) >= from; k--) {
      oldest = k;
      lowest = Math.min(lowest, this.levels.valueAt(k));
    }
    if (at - this.levels.timeAt(oldest) < this.rule.windowMs * RISE_WINDOW_COVERAGE) return undefined;
    const rise = value - lowest;
    if (!atOrAbove(rise, this.rule.rise)) return { type: 'normal', observedAt: at };
    return {
      type: 'breach',
      severity: this.rule.severity,
      observedAt: at,
      details: {
        stationId: this.rule.stationId,
        rise: toMillimetre(rise),
        windowMinutes: this.rule.windowMs / MINUTE_MS,
        ratePerHour: toMillimetre(rise / (this.rule.windowMs / HOUR_MS)),
        limit: this.rule.rise,
        unit: 'm',
      },
    };
  }
}
