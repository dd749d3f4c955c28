import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { RateOfRiseRule } from '../rule-set';
import { minutesToMs } from './config-fields';
import type { FieldProblem, IndexedRule, ParsedRules } from './parsed-rules';
import { RATE_OF_RISE_DEFAULTABLE, RateOfRiseDefaultsDto, RateOfRiseEntryDto } from './rate-of-rise-entry.dto';
import { validateEntries } from './rule-entries';
import { RULE_FILES } from './rule-files';
import { checkStation, RISING_GAUGE_KINDS, staleAfterProblem } from './station-checks';

/** rate-of-rise.json: a level rising more than `rise` metres within `windowMinutes`. */
export function parseRateOfRiseRules(json: unknown, stations: StationLookup): ParsedRules<RateOfRiseRule> {
  const file = RULE_FILES.rateOfRise;
  const checked = validateEntries(json, { file, entry: RateOfRiseEntryDto, defaults: RateOfRiseDefaultsDto, defaultable: RATE_OF_RISE_DEFAULTABLE });
  const problems = [...checked.problems];
  const rules: IndexedRule<RateOfRiseRule>[] = [];
  for (const { index, id, dto } of checked.entries) {
    const found = checkStation(stations, dto.stationId, { kinds: RISING_GAUGE_KINDS, element: 'water_level' });
    const entryProblems: FieldProblem[] = [];
    if ('problem' in found) {
      entryProblems.push({ field: 'stationId', message: found.problem });
    } else {
      const interval = found.station.reportingIntervalMinutes;
      // The window must hold two reports, or no rise can ever be measured in it.
      if (dto.windowMinutes < interval) {
        entryProblems.push({ field: 'windowMinutes', message: `must be at least the station's reporting interval (${interval} min), or the window never holds two reports; got ${dto.windowMinutes}` });
      }
      const stale = staleAfterProblem(dto.staleAfterMinutes, [found.station]);
      if (stale !== undefined) entryProblems.push({ field: 'staleAfterMinutes', message: stale });
    }
    problems.push(...entryProblems.map((p) => ({ file, index, id, ...p })));
    if (entryProblems.length === 0) rules.push({ index, rule: toRule(dto) });
  }
  return { rules, ids: checked.ids, problems };
}

function toRule(dto: RateOfRiseEntryDto): RateOfRiseRule {
  return Object.freeze({
    id: dto.id,
    kind: 'rate_of_rise',
    stationId: dto.stationId,
    windowMs: minutesToMs(dto.windowMinutes),
    rise: dto.rise,
    severity: dto.severity,
    clearingDelayMs: minutesToMs(dto.clearingDelayMinutes),
    ...(dto.renotifyAfterMinutes === undefined ? {} : { renotifyAfterMs: minutesToMs(dto.renotifyAfterMinutes) }),
    staleAfterMs: minutesToMs(dto.staleAfterMinutes),
  });
}
