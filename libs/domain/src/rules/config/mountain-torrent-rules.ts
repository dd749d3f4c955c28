import { compareSeverity } from '../../alerts/severity';
import type { Station } from '../../stations/station';
import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { Contact, MountainTorrentRule, WarningArea } from '../rule-set';
import { minutesToMs } from './config-fields';
import type { FieldProblem, IndexedRule, ParsedRules } from './parsed-rules';
import { validateEntries } from './rule-entries';
import { RULE_FILES } from './rule-files';
import { checkStation, RAIN_GAUGE_KINDS, staleAfterProblem } from './station-checks';
import {
  MOUNTAIN_TORRENT_DEFAULTABLE,
  MountainTorrentDefaultsDto,
  MountainTorrentEntryDto,
  REQUIRED_RAINFALL_WINDOWS_H,
  type ContactDto,
  type WarningAreaDto,
} from './warning-area-entry.dto';

/** warning-areas.json: each village or small watershed against its critical rainfall (临界雨量). */
export function parseMountainTorrentRules(json: unknown, stations: StationLookup): ParsedRules<MountainTorrentRule> {
  const file = RULE_FILES.mountainTorrent;
  const checked = validateEntries(json, { file, entry: MountainTorrentEntryDto, defaults: MountainTorrentDefaultsDto, defaultable: MOUNTAIN_TORRENT_DEFAULTABLE });
  const problems = [...checked.problems];
  const rules: IndexedRule<MountainTorrentRule>[] = [];
  const areaIds = new Map<string, number>();
  for (const { index, id, dto } of checked.entries) {
    const entryProblems = [...gaugeProblems(dto, stations), ...criticalRainfallProblems(dto.area)];
    if (compareSeverity(dto.severities.evacuate, dto.severities.prepare) <= 0) {
      entryProblems.push({ field: 'severities.evacuate', message: `must be more severe than severities.prepare (${dto.severities.prepare}); got ${dto.severities.evacuate}` });
    }
    const first = areaIds.get(dto.area.id);
    if (first === undefined) areaIds.set(dto.area.id, index);
    else entryProblems.push({ field: 'area.id', message: `must be unique; ${JSON.stringify(dto.area.id)} is also the area of rules[${first}]` });
    problems.push(...entryProblems.map((p) => ({ file, index, id, ...p })));
    if (entryProblems.length === 0) rules.push({ index, rule: toRule(dto) });
  }
  return { rules, ids: checked.ids, problems };
}

function gaugeProblems(dto: MountainTorrentEntryDto, stations: StationLookup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const gauges: Station[] = [];
  dto.area.gaugeIds.forEach((gaugeId, i) => {
    const found = checkStation(stations, gaugeId, { kinds: RAIN_GAUGE_KINDS, element: 'rainfall' });
    if ('problem' in found) problems.push({ field: `area.gaugeIds[${i}]`, message: found.problem });
    else gauges.push(found.station);
  });
  const stale = staleAfterProblem(dto.staleAfterMinutes, gauges);
  if (stale !== undefined) problems.push({ field: 'staleAfterMinutes', message: stale });
  return problems;
}

/**
 * Windows listed shortest first, each once, with 1, 3, 6 and 24 h present; 立即转移 above 准备转移; and
 * neither level lower for a longer window (a longer window holds at least the rain of any shorter one
 * ending at the same time, so a lower value there is almost surely two numbers swapped).
 */
function criticalRainfallProblems(area: WarningAreaDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  area.thresholds.forEach((threshold, i) => {
    const field = `area.thresholds[${i}]`;
    if (threshold.evacuate <= threshold.prepare) {
      problems.push({ field: `${field}.evacuate`, message: `must be above prepare (${threshold.prepare} mm): 立即转移 needs more rain than 准备转移; got ${threshold.evacuate}` });
    }
    const previous = area.thresholds[i - 1];
    if (previous === undefined) return;
    if (threshold.windowHours <= previous.windowHours) {
      problems.push({ field: `${field}.windowHours`, message: `must be longer than area.thresholds[${i - 1}].windowHours (${previous.windowHours}): windows are listed shortest first, each once; got ${threshold.windowHours}` });
      return;
    }
    for (const level of ['prepare', 'evacuate'] as const) {
      if (threshold[level] < previous[level]) {
        problems.push({ field: `${field}.${level}`, message: `must be at least area.thresholds[${i - 1}].${level} (${previous[level]} mm in ${previous.windowHours} h): a longer window holds at least as much rain; got ${threshold[level]}` });
      }
    }
  });
  const missing = REQUIRED_RAINFALL_WINDOWS_H.filter((hours) => !area.thresholds.some((t) => t.windowHours === hours));
  if (missing.length > 0) problems.push({ field: 'area.thresholds', message: `must give critical rainfall for ${REQUIRED_RAINFALL_WINDOWS_H.join(', ')} h (12 h is optional); missing ${missing.join(', ')} h` });
  return problems;
}

function toRule(dto: MountainTorrentEntryDto): MountainTorrentRule {
  const { area } = dto;
  const contact = (c: ContactDto): Contact => Object.freeze({ role: c.role, name: c.name, phone: c.phone });
  const warningArea: WarningArea = Object.freeze({
    id: area.id,
    name: area.name,
    villages: Object.freeze([...area.villages]),
    town: area.town,
    district: area.district,
    basin: area.basin,
    population: area.population,
    gaugeIds: Object.freeze([...area.gaugeIds]),
    aggregation: area.aggregation,
    thresholds: Object.freeze(area.thresholds.map((t) => Object.freeze({ windowHours: t.windowHours, prepare: t.prepare, evacuate: t.evacuate }))),
    contacts: Object.freeze({ town: Object.freeze(area.contacts.town.map(contact)), village: Object.freeze(area.contacts.village.map(contact)) }),
  });
  return Object.freeze({
    id: dto.id,
    kind: 'mountain_torrent',
    area: warningArea,
    severities: Object.freeze({ prepare: dto.severities.prepare, evacuate: dto.severities.evacuate }),
    clearingDelayMs: minutesToMs(dto.clearingDelayMinutes),
    ...(dto.renotifyAfterMinutes === undefined ? {} : { renotifyAfterMs: minutesToMs(dto.renotifyAfterMinutes) }),
    staleAfterMs: minutesToMs(dto.staleAfterMinutes),
  });
}
