import type { AlertOutcome } from '../../../alerts/alert-outcome';
import type { Reading } from '../../../telemetry/reading';
import type { RuleEvaluator } from '../../rule-evaluator';

/** The observation time an outcome speaks for. */
export function observedAtOf(outcome: AlertOutcome): number {
  return outcome.type === 'no_data' ? outcome.since : outcome.observedAt;
}

/** What each reading, fed in turn, brought back. */
export function acceptEach(evaluator: Pick<RuleEvaluator, 'accept'>, readings: readonly Reading[]): (readonly AlertOutcome[])[] {
  return readings.map((reading) => evaluator.accept(reading));
}

/**
 * The last verdict given for each observation time, by time: what a run of outcomes finally said about
 * every time it spoke of, whichever order the readings came in. Pairs rather than a Map, so that a
 * difference shows as the time it is at.
 */
export function lastVerdictByTime(outcomes: Iterable<AlertOutcome>): (readonly [number, AlertOutcome])[] {
  const last = new Map<number, AlertOutcome>();
  for (const outcome of outcomes) last.set(observedAtOf(outcome), outcome);
  return [...last].sort(([a], [b]) => a - b);
}

/** The observation times of the outcomes, in the order given. */
export function timesOf(outcomes: readonly AlertOutcome[]): number[] {
  return outcomes.map(observedAtOf);
}
