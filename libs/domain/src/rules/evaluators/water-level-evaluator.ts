import { stationRuleSubject } from './level/station-rule-subject';
import type { AlertOutcome, BreachOutcome, NormalOutcome } from '../../alerts/alert-outcome';
import type { AlertPolicy } from '../../alerts/alert-policy';
import type { AlertSubject } from '../../alerts/alert-subject';
import type { Station } from '../../stations/station';
import type { Reading } from '../../telemetry/reading';
import { NO_OUTCOMES, type RuleEvaluator, type RuleInput } from '../rule-evaluator';
import type { WaterLevelRule } from '../rule-set';
import { FoldedHistory } from './level/folded-history';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { ruleAlertPolicy } from './level/rule-alert-policy';
import { SilenceWatch } from './level/silence-watch';
import { startSustainedLevel, sustainLevel, type SustainedLevel } from './level/sustained-level';
import { isUsableLevelReading } from './level/usable-level-reading';
import { heldThreshold } from './water-level-crossing';

/**
 * A gauge against its ordered levels (警戒, 保证, 汛限…): the breach is the highest threshold held with
 * hysteresis (see heldThreshold) that has also lasted the rule's minimum duration (see SustainedLevel).
 * Readings are folded in observation-time order, so late ones (a BeiDou batch) are placed and the
 * verdicts from their time on re-judged; they are the same whatever order readings arrive in.
 */
export class WaterLevelEvaluator implements RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  private readonly history: FoldedHistory<number, SustainedLevel>;
  private readonly silence: SilenceWatch;

  constructor(
    private readonly rule: WaterLevelRule,
    station: Station,
  ) {
    this.subject = stationRuleSubject(rule, 'water_level', station);
    this.policy = ruleAlertPolicy(rule);
    this.inputs = [{ stationId: rule.stationId, element: 'water_level' }];
    this.history = new FoldedHistory<number, SustainedLevel>(
      (previous, at, value) => sustainLevel(previous, heldThreshold(rule, value, previous.instant), at, rule.minDurationMs),
      startSustainedLevel(rule.thresholds.length),
      LATE_READING_HORIZON_MS,
    );
    this.silence = new SilenceWatch(rule.staleAfterMs);
  }

  /** The verdicts from the reading's observation time to the newest; none for a copy, a reading too late to place, or one not ours. */
  accept(reading: Reading): readonly AlertOutcome[] {
    if (reading.stationId !== this.rule.stationId || !isUsableLevelReading(reading)) return NO_OUTCOMES;
    if (this.history.has(reading.observedAt)) return NO_OUTCOMES;
    const placed = this.history.put(reading.observedAt, reading.value);
    if (placed < 0) return NO_OUTCOMES;
    const outcomes: AlertOutcome[] = [];
    for (let index = placed; index <= this.history.lastIndex; index++) outcomes.push(this.verdictAt(index));
    return outcomes;
  }

  /** `no_data` once the gauge has been silent for the rule's staleAfterMs, once per silence. */
  tick(now: number): AlertOutcome | undefined {
    return this.silence.check(this.history.newestAt, now);
  }

  /** The verdict at the newest observation time, from all readings held; undefined before any. */
  current(): BreachOutcome | NormalOutcome | undefined {
    return this.history.size === 0 ? undefined : this.verdictAt(this.history.lastIndex);
  }

  private verdictAt(index: number): BreachOutcome | NormalOutcome {
    const at = this.history.timeAt(index);
    const value = this.history.valueAt(index);
    const { counted } = this.history.stateAt(index);
    if (counted === 0) return { type: 'normal', observedAt: at };
    const threshold = this.rule.thresholds[counted - 1]!;
    return {
      type: 'breach',
      severity: threshold.severity,
      observedAt: at,
      details: {
        stationId: this.rule.stationId,
        value,
        level: threshold.level,
        thresholdCode: threshold.code,
        thresholdName: threshold.name,
        direction: this.rule.direction,
        unit: 'm',
      },
    };
  }
}
