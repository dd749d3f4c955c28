import { compareSeverity } from '../../alerts/severity';
import type { Station } from '../../stations/station';
import type { StationLookup } from '../../telemetry/interpret-telemetry';
import type { ScheduleWindow, VenueBandRule } from '../rule-set';
import { parseBeijingInstant } from './beijing-instant';
import { minutesToMs } from './config-fields';
import type { FieldProblem, IndexedRule, ParsedRules } from './parsed-rules';
import { validateEntries } from './rule-entries';
import { RULE_FILES } from './rule-files';
import { checkStation, staleAfterProblem } from './station-checks';
import { VENUE_DEFAULTABLE, VenueDefaultsDto, VenueEntryDto } from './venue-entry.dto';

/** venues.json: the plain network at a venue held inside a band during its scheduled windows. */
export function parseVenueRules(json: unknown, stations: StationLookup): ParsedRules<VenueBandRule> {
  const file = RULE_FILES.venues;
  const checked = validateEntries(json, { file, entry: VenueEntryDto, defaults: VenueDefaultsDto, defaultable: VENUE_DEFAULTABLE });
  const problems = [...checked.problems];
  const rules: IndexedRule<VenueBandRule>[] = [];
  const venueIds = new Map<string, number>();
  for (const { index, id, dto } of checked.entries) {
    const entryProblems = [...gaugeProblems(dto, stations), ...bandProblems(dto), ...scheduleProblems(dto)];
    const first = venueIds.get(dto.venueId);
    if (first === undefined) venueIds.set(dto.venueId, index);
    else entryProblems.push({ field: 'venueId', message: `must be unique; ${JSON.stringify(dto.venueId)} is also the venue of rules[${first}]` });
    problems.push(...entryProblems.map((p) => ({ file, index, id, ...p })));
    if (entryProblems.length === 0) rules.push({ index, rule: toRule(dto) });
  }
  return { rules, ids: checked.ids, problems };
}

function gaugeProblems(dto: VenueEntryDto, stations: StationLookup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const gauges: Station[] = [];
  dto.stationIds.forEach((stationId, i) => {
    const found = checkStation(stations, stationId, { kinds: ['plain_network'], element: 'water_level' });
    if ('problem' in found) {
      problems.push({ field: `stationIds[${i}]`, message: found.problem });
      return;
    }
    gauges.push(found.station);
    const limits = found.station.limits.water_level;
    // Readings outside the hard limits are suspect and never judged: a band edge there could never be crossed.
    if (limits !== undefined && (dto.min < limits.min || dto.max > limits.max)) {
      problems.push({ field: `stationIds[${i}]`, message: `must be a gauge whose water_level limits [${limits.min}, ${limits.max}] m contain the band [${dto.min}, ${dto.max}]` });
    }
  });
  const slowest = Math.max(0, ...gauges.map((g) => g.reportingIntervalMinutes));
  if (dto.trendWindowMinutes < slowest) {
    problems.push({ field: 'trendWindowMinutes', message: `must be at least the gauges' reporting interval (${slowest} min), or no trend can be fitted; got ${dto.trendWindowMinutes}` });
  }
  const stale = staleAfterProblem(dto.staleAfterMinutes, gauges);
  if (stale !== undefined) problems.push({ field: 'staleAfterMinutes', message: stale });
  return problems;
}

function bandProblems(dto: VenueEntryDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (dto.max <= dto.min) {
    problems.push({ field: 'max', message: `must be above min (${dto.min}); got ${dto.max}` });
  } else if (dto.margin * 2 >= dto.max - dto.min) {
    problems.push({ field: 'margin', message: `must be less than half the band (${round3((dto.max - dto.min) / 2)} m), or the whole band is "approaching"; got ${dto.margin}` });
  }
  if (compareSeverity(dto.severities.approaching, dto.severities.outside) >= 0) {
    problems.push({ field: 'severities.outside', message: `must be more severe than severities.approaching (${dto.severities.approaching}); got ${dto.severities.outside}` });
  }
  return problems;
}

/** Each window non-empty, and the windows in time order without overlap (touching is fine). */
function scheduleProblems(dto: VenueEntryDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  let previousTo: { at: number; text: string } | undefined;
  dto.schedule.forEach((window, i) => {
    const from = parseBeijingInstant(window.from)!;
    const to = parseBeijingInstant(window.to)!;
    if (to <= from) problems.push({ field: `schedule[${i}].to`, message: `must be after schedule[${i}].from (${window.from}); got ${window.to}` });
    if (previousTo !== undefined && from < previousTo.at) {
      problems.push({ field: `schedule[${i}].from`, message: `must not be before schedule[${i - 1}].to (${previousTo.text}): windows are listed in time order without overlap; got ${window.from}` });
    }
    if (previousTo === undefined || to > previousTo.at) previousTo = { at: to, text: window.to };
  });
  return problems;
}

function toRule(dto: VenueEntryDto): VenueBandRule {
  const schedule: ScheduleWindow[] = dto.schedule.map((w) => Object.freeze({ from: parseBeijingInstant(w.from)!, to: parseBeijingInstant(w.to)!, label: w.label }));
  return Object.freeze({
    id: dto.id,
    kind: 'venue_band',
    venueId: dto.venueId,
    name: dto.name,
    stationIds: Object.freeze([...dto.stationIds]),
    min: dto.min,
    max: dto.max,
    margin: dto.margin,
    horizonMs: minutesToMs(dto.horizonMinutes),
    trendWindowMs: minutesToMs(dto.trendWindowMinutes),
    severities: Object.freeze({ approaching: dto.severities.approaching, outside: dto.severities.outside }),
    schedule: Object.freeze(schedule),
    minDurationMs: minutesToMs(dto.minDurationMinutes ?? 0),
    clearingDelayMs: minutesToMs(dto.clearingDelayMinutes),
    ...(dto.renotifyAfterMinutes === undefined ? {} : { renotifyAfterMs: minutesToMs(dto.renotifyAfterMinutes) }),
    staleAfterMs: minutesToMs(dto.staleAfterMinutes),
  });
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
