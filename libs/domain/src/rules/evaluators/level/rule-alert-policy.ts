import type { AlertPolicy } from '../../../alerts/alert-policy';

/** The lifecycle's part of a rule; an absent re-notification stays absent rather than undefined. */
export function ruleAlertPolicy(rule: { readonly clearingDelayMs: number; readonly renotifyAfterMs?: number }): AlertPolicy {
  return rule.renotifyAfterMs === undefined
    ? { clearingDelayMs: rule.clearingDelayMs }
    : { clearingDelayMs: rule.clearingDelayMs, renotifyAfterMs: rule.renotifyAfterMs };
}
