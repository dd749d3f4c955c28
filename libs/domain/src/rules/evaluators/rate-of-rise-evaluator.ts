import { stationRuleSubject } from './level/station-rule-subject';
import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { Station } from '../../stations/station';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import type { RuleEvaluator, RuleInput } from '../rule-evaluator';
import type { RateOfRiseRule } from '../rule-set';
import { atOrAbove, toMillimetre } from './level/level-tolerance';
import { ruleAlertPolicy } from './level/rule-alert-policy';
import { SilenceWatch } from './level/silence-watch';
import { SlidingMinimum } from './level/sliding-minimum';
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
 * Only readings of the last window matter, so older ones are refused.
 */
export class RateOfRiseEvaluator implements RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  private readonly window: SlidingMinimum;
  private readonly silence: SilenceWatch;

  constructor(
    private readonly rule: RateOfRiseRule,
    station: Station,
  ) {
    this.subject = stationRuleSubject(rule, 'rate_of_rise', station);
    this.policy = ruleAlertPolicy(rule);
    this.inputs = [{ stationId: rule.stationId, element: 'water_level' }];
    this.window = new SlidingMinimum(rule.windowMs);
    this.silence = new SilenceWatch(rule.staleAfterMs);
  }

  /** The verdict at the newest observation time; undefined for a copy, a reading older than the window, or too little data. */
  accept(reading: Reading): AlertOutcome | undefined {
    if (reading.stationId !== this.rule.stationId || !isUsableLevelReading(reading)) return undefined;
    if (!this.window.add(reading.observedAt, reading.value)) return undefined;
    return this.current();
  }

  /** `no_data` once the gauge has been silent for the rule's staleAfterMs, once per silence. */
  tick(now: number): AlertOutcome | undefined {
    return this.silence.check(this.window.newestAt, now);
  }

  /** The verdict at the newest observation time; undefined while the readings span too little of the window. */
  current(): BreachOutcome | NormalOutcome | undefined {
    const at = this.window.newestAt;
    const oldest = this.window.oldestAt;
    const value = this.window.newestValue;
    const lowest = this.window.minimum;
    if (at === undefined || oldest === undefined || value === undefined || lowest === undefined) return undefined;
    if (at - oldest < this.rule.windowMs * RISE_WINDOW_COVERAGE) return undefined;
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
