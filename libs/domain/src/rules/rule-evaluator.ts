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

/**
 * One rule kind behind one interface, fed pure inputs. An evaluator keeps what its rule needs
 * (rolling windows, durations) and says what it concludes as an AlertOutcome for its subject; the
 * alert lifecycle turns outcomes into alerts. `undefined` means "nothing new to say".
 */
export interface RuleEvaluator {
  readonly subject: AlertSubject;
  readonly policy: AlertPolicy;
  readonly inputs: readonly RuleInput[];
  /**
   * One good (non-suspect) reading of one of its inputs, in any arrival order: late readings are
   * placed by observation time and the rule re-judged. Re-feeding a reading changes nothing.
   */
  accept(reading: Reading): AlertOutcome | undefined;
  /** What time alone changes at `now` (wall clock): staleness, schedule windows. */
  tick(now: number): AlertOutcome | undefined;
}
