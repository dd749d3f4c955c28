/** How one rule's alerts clear and nag. Supplied per rule by the book's `policyFor` lookup. */
export interface AlertPolicy {
  /**
   * Normal outcomes must span this long (observation time of the latest normal minus that of the
   * first normal of the run) before the alert resolves; 0 resolves on the first normal outcome.
   */
  readonly clearingDelayMs: number;
  /**
   * An alert nobody acknowledged this long after it was raised or last escalated is re-notified once
   * (to the duty leader). Absent: never re-notified.
   */
  readonly renotifyAfterMs?: number;
}
