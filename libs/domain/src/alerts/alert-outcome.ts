import type { Severity } from './severity';

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Message parameters of an alert (value, threshold, window, gauge…): stored in the event log as JSON. */
export type AlertDetails = Readonly<Record<string, JsonValue>>;

/** The condition holds at this severity at this observation time. */
export interface BreachOutcome {
  readonly type: 'breach';
  readonly severity: Severity;
  /** Observation time the evaluator judged, epoch ms. */
  readonly observedAt: number;
  readonly details: AlertDetails;
}

/** Data is present and the condition does not hold. */
export interface NormalOutcome {
  readonly type: 'normal';
  readonly observedAt: number;
  readonly details?: AlertDetails;
}

/**
 * The subject's data stopped. It is not "normal": it never resolves an alert and never raises one
 * (a gauge washed away in a flood goes silent exactly when it matters).
 */
export interface NoDataOutcome {
  readonly type: 'no_data';
  /** Last observation time the evaluator saw, epoch ms. */
  readonly since: number;
}

/**
 * What a rule evaluator concluded about one subject. Minimum durations and hysteresis are already
 * applied by the evaluator, which knows the values; the lifecycle only sees the verdict.
 */
export type AlertOutcome = BreachOutcome | NormalOutcome | NoDataOutcome;
