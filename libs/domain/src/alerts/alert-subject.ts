import type { AlertKind } from './alert-kind';

/**
 * What one rule watches and alerts about: a station, a warning area, the venue, or one channel of a
 * station (`stationId:channel`). One alert at a time per (ruleId, subjectId).
 */
export interface AlertSubject {
  readonly ruleId: string;
  readonly kind: AlertKind;
  readonly subjectId: string;
  /** The stations whose data the rule reads; maintenance suppression looks at all of them. */
  readonly stationIds: readonly string[];
  readonly district?: string;
  readonly basin?: string;
}

/** Map key of the (rule, subject) pair; the separator cannot occur in ids typed by people. */
export function subjectKey(ruleId: string, subjectId: string): string {
  return `${ruleId}\u001f${subjectId}`;
}
