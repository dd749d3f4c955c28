import { compareSeverity } from '../../alerts/severity';
import type { Station } from '../../stations/station';
import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { LevelThreshold, WaterLevelRule } from '../rule-set';
import { minutesToMs } from './config-fields';
import type { FieldProblem, IndexedRule, ParsedRules } from './parsed-rules';
import { validateEntries } from './rule-entries';
import { RULE_FILES } from './rule-files';
import { checkStation, LEVEL_GAUGE_KINDS, staleAfterProblem } from './station-checks';
import { WATER_LEVEL_DEFAULTABLE, WaterLevelDefaultsDto, WaterLevelEntryDto } from './water-level-entry.dto';

/** water-levels.json: each gauge against its ordered levels. */
export function parseWaterLevelRules(json: unknown, stations: StationLookup): ParsedRules<WaterLevelRule> {
  const file = RULE_FILES.waterLevel;
  const checked = validateEntries(json, { file, entry: WaterLevelEntryDto, defaults: WaterLevelDefaultsDto, defaultable: WATER_LEVEL_DEFAULTABLE });
  const problems = [...checked.problems];
  const rules: IndexedRule<WaterLevelRule>[] = [];
  for (const entry of checked.entries) {
    const found = checkStation(stations, entry.dto.stationId, { kinds: LEVEL_GAUGE_KINDS, element: 'water_level' });
    const entryProblems: FieldProblem[] = 'problem' in found ? [{ field: 'stationId', message: found.problem }] : stationProblems(entry.dto, found.station);
    entryProblems.push(...thresholdOrderProblems(entry.dto));
    problems.push(...entryProblems.map((p) => ({ file, index: entry.index, id: entry.id, ...p })));
    if (entryProblems.length === 0) rules.push({ index: entry.index, rule: toRule(entry.dto) });
  }
  return { rules, ids: checked.ids, problems };
}

function stationProblems(dto: WaterLevelEntryDto, station: Station): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const limits = station.limits.water_level;
  dto.thresholds.forEach((threshold, i) => {
    // A reading outside the hard limits is stored as suspect and never judged: such a level can never be reached.
    if (limits !== undefined && (threshold.level < limits.min || threshold.level > limits.max)) {
      problems.push({
        field: `thresholds[${i}].level`,
        message: `must lie within the station's water_level limits [${limits.min}, ${limits.max}] m, or no accepted reading can reach it; got ${threshold.level}`,
      });
    }
  });
  const stale = staleAfterProblem(dto.staleAfterMinutes, [station]);
  if (stale !== undefined) problems.push({ field: 'staleAfterMinutes', message: stale });
  return problems;
}

/** Levels strictly beyond each other in the rule's direction, severities strictly rising, codes unique. */
function thresholdOrderProblems(dto: WaterLevelEntryDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const rising = (dto.direction ?? 'rising') === 'rising';
  dto.thresholds.forEach((threshold, i) => {
    const previous = dto.thresholds[i - 1];
    if (previous === undefined) return;
    const beyond = rising ? threshold.level > previous.level : threshold.level < previous.level;
    if (!beyond) {
      problems.push({
        field: `thresholds[${i}].level`,
        message: `must be ${rising ? 'above' : 'below'} thresholds[${i - 1}].level (${previous.level}) in a ${rising ? 'rising' : 'falling'} rule (least severe first); got ${threshold.level}`,
      });
    }
    if (compareSeverity(threshold.severity, previous.severity) <= 0) {
      problems.push({
        field: `thresholds[${i}].severity`,
        message: `must be more severe than thresholds[${i - 1}].severity (${previous.severity}): blue < yellow < orange < red; got ${threshold.severity}`,
      });
    }
    const first = dto.thresholds.findIndex((t) => t.code === threshold.code);
    if (first < i) problems.push({ field: `thresholds[${i}].code`, message: `must be unique within the rule; ${JSON.stringify(threshold.code)} is also thresholds[${first}]` });
  });
  return problems;
}

/** A fresh, frozen rule: callers never hold the DTO (class instances, mutable arrays). */
function toRule(dto: WaterLevelEntryDto): WaterLevelRule {
  const thresholds: LevelThreshold[] = dto.thresholds.map((t) => Object.freeze({ code: t.code, name: t.name, level: t.level, severity: t.severity }));
  return Object.freeze({
    id: dto.id,
    kind: 'water_level',
    stationId: dto.stationId,
    direction: dto.direction ?? 'rising',
    thresholds: Object.freeze(thresholds),
    hysteresis: dto.hysteresis,
    minDurationMs: minutesToMs(dto.minDurationMinutes ?? 0),
    clearingDelayMs: minutesToMs(dto.clearingDelayMinutes),
    ...(dto.renotifyAfterMinutes === undefined ? {} : { renotifyAfterMs: minutesToMs(dto.renotifyAfterMinutes) }),
    staleAfterMs: minutesToMs(dto.staleAfterMinutes),
  });
}
