import type { AlertOutcome } from '../alerts/alert-outcome';
import type { AlertPolicy } from '../alerts/alert-policy';
import type { AlertSubject } from '../alerts/alert-subject';
import type { Element } from '../telemetry/element';
import type { Reading } from '../telemetry/reading';

/** What one rule reads: readings of these elements at these stations. */
export interface RuleInput {
  readonly stationId: string;
  readonly element: Element;
}

/** What an evaluator says when it has nothing new to say. */
export const NO_OUTCOMES: readonly AlertOutcome[] = Object.freeze([]);

/**
 * One rule kind behind one interface, fed pure inputs. An evaluator keeps what its rule needs
 * (rolling windows, durations) and says what it concludes as AlertOutcomes for its subject; the
 * alert lifecycle turns outcomes into alerts.
 */
export interface RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  /**
   * One good (non-suspect) reading of one of its inputs, in any arrival order. Returns the verdicts at
   * the observation times it changes, oldest first: for a reading in order, the verdict at its time;
   * for a late one (a BeiDou batch, an RTU's stored history), the verdicts re-judged at every
   * observation time from its own to the newest, so a peak that is already over when it arrives is
   * still seen, at the time it happened. Empty for a copy, a reading too late to place, or no verdict.
   * Re-feeding a reading changes nothing.
   */
  accept(reading: Reading): readonly AlertOutcome[];
  /** What time alone changes at `now` (wall clock): staleness, schedule windows. */
  tick(now: number): AlertOutcome | undefined;
}
