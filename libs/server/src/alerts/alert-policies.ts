import type { AlertPolicy, EquipmentConditionKind } from '@hydro/domain';

const MINUTE = 60_000;

/**
 * How equipment alerts clear and nag. A station that reports again is back at once; a battery or a
 * clock must stay good for half an hour first, so a value hovering at its limit does not flap.
 */
export const EQUIPMENT_POLICIES: Readonly<Record<EquipmentConditionKind, AlertPolicy>> = {
  station_offline: { clearingDelayMs: 0, renotifyAfterMs: 12 * 60 * MINUTE },
  channel_down: { clearingDelayMs: 0 },
  battery_low: { clearingDelayMs: 30 * MINUTE },
  stuck_sensor: { clearingDelayMs: 0 },
  clock_drift: { clearingDelayMs: 30 * MINUTE },
};

/** The rule id of an equipment condition: one rule per kind, for every station. */
export function equipmentRuleId(kind: EquipmentConditionKind): string {
  return `equipment.${kind}`;
}

const BY_RULE = new Map<string, AlertPolicy>(Object.entries(EQUIPMENT_POLICIES).map(([kind, policy]) => [equipmentRuleId(kind as EquipmentConditionKind), policy]));

/** Fallback for a rule the centre no longer has (an alert rebuilt after its rule was removed): resolve on the first normal. */
const UNKNOWN_RULE: AlertPolicy = { clearingDelayMs: 0 };

/**
 * Where the alert desk looks up a rule's policy: the equipment rules here, the flood rules once they
 * register (they are loaded, and reloaded, after the desk exists), and a fallback for rules gone.
 */
export class AlertPolicyDirectory {
  private readonly lookups: Array<(ruleId: string) => AlertPolicy | undefined> = [];

  register(lookup: (ruleId: string) => AlertPolicy | undefined): void {
    this.lookups.push(lookup);
  }

  policyFor(ruleId: string): AlertPolicy {
    return alertPolicyFor(ruleId, (id) => {
      for (const lookup of this.lookups) {
        const policy = lookup(id);
        if (policy !== undefined) return policy;
      }
      return undefined;
    });
  }
}

/** An equipment rule's policy, else what `more` knows, else the fallback. */
export function alertPolicyFor(ruleId: string, more: (ruleId: string) => AlertPolicy | undefined = () => undefined): AlertPolicy {
  return BY_RULE.get(ruleId) ?? more(ruleId) ?? UNKNOWN_RULE;
}
