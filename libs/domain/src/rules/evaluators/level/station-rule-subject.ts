import type { AlertSubject } from '../../../alerts/alert-subject';
import type { Station } from '../../../stations/station';

/** The alert subject of a rule on one level gauge; refuses a station that is not the rule's. */
export function stationRuleSubject(rule: { readonly id: string; readonly stationId: string }, kind: 'water_level' | 'rate_of_rise', station: Station): AlertSubject {
  if (station.id !== rule.stationId) throw new RangeError(`Rule ${rule.id} reads station ${rule.stationId}, not ${station.id}`);
  return { ruleId: rule.id, kind, subjectId: rule.stationId, stationIds: [rule.stationId], district: station.district, basin: station.basin };
}
