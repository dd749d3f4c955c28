import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationTypes, type ValidationError } from 'class-validator';
import { ELEMENTS, type Element } from '../telemetry/element';
import type { ElementLimits, Station } from './station';
import { StationEntryDto } from './station-entry.dto';
import { StationRegistry } from './station-registry';
import { StationRegistryError } from './station-registry.error';

/** The only file layout this code understands; bump it when the entry schema changes incompatibly. */
export const STATION_REGISTRY_VERSION = 1;

/** What config/stations.json holds. */
export interface StationRegistryFile {
  readonly version: typeof STATION_REGISTRY_VERSION;
  readonly stations: readonly Station[];
}

/** A problem with its place in the file, so problems can be listed in file order. */
interface Problem {
  readonly index: number;
  readonly text: string;
}

const TOP_LEVEL_KEYS = new Set(['version', 'stations']);

/**
 * Validates the registry file's content and builds the registry.
 * Throws StationRegistryError listing every problem (file, station index and id, field, what is wrong):
 * the service must not start on a registry it half understands.
 */
export function parseStationRegistry(json: unknown, source: string): StationRegistry {
  if (!isRecord(json)) {
    throw new StationRegistryError(source, [`top level must be an object {"version": 1, "stations": [...]}, got ${show(json)}`]);
  }
  const problems: Problem[] = [];
  if (json['version'] !== STATION_REGISTRY_VERSION) {
    problems.push({ index: -1, text: `version must be ${STATION_REGISTRY_VERSION}, got ${show(json['version'])}` });
  }
  for (const key of Object.keys(json).filter((k) => !TOP_LEVEL_KEYS.has(k))) {
    problems.push({ index: -1, text: `${key} is not a known top-level field (expected version, stations)` });
  }
  const entries = json['stations'];
  if (!Array.isArray(entries)) {
    problems.push({ index: -1, text: `stations must be an array of station entries, got ${show(entries)}` });
    throw new StationRegistryError(source, problems.map((p) => p.text));
  }

  const stations: Station[] = [];
  entries.forEach((entry: unknown, index) => {
    const entryProblems = validateEntry(entry, index);
    problems.push(...entryProblems.problems);
    if (entryProblems.station) {
      stations.push(entryProblems.station);
    }
  });
  problems.push(...findDuplicates(entries, 'id'), ...findDuplicates(entries, 'rtuAddress'));

  if (problems.length > 0) {
    // Stable sort: within one station, field problems come before duplicate problems.
    problems.sort((a, b) => a.index - b.index);
    throw new StationRegistryError(source, problems.map((p) => p.text));
  }
  return new StationRegistry(stations);
}

function validateEntry(entry: unknown, index: number): { problems: Problem[]; station?: Station } {
  const where = describeEntry(entry, index);
  if (!isRecord(entry)) {
    return { problems: [{ index, text: `${where}: must be an object, got ${show(entry)}` }] };
  }
  const dto = plainToInstance(StationEntryDto, entry);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) {
    return { problems: describeErrors(errors, '').map((text) => ({ index, text: `${where}: ${text}` })) };
  }
  return { problems: [], station: toStation(dto) };
}

/**
 * One line per failing field. Only a field's first failure is shown: the checks are ordered from the most
 * basic (type) up, and "must be an array" followed by "must not be empty" would only be noise.
 */
function describeErrors(errors: readonly ValidationError[], parentPath: string): string[] {
  const lines: string[] = [];
  for (const error of errors) {
    const path = parentPath === '' ? error.property : `${parentPath}.${error.property}`;
    const [type, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (type === ValidationTypes.WHITELIST) {
      lines.push(`${path} is not a known field`);
    } else if (message !== undefined) {
      lines.push(`${path} ${describeFailure(message, error.value)}`);
    }
    lines.push(...describeErrors(error.children ?? [], path));
  }
  return lines;
}

/** The value is shown so the reader need not open the file; whole objects would only bury the message. */
function describeFailure(message: string, value: unknown): string {
  if (value === undefined) {
    return `is missing: ${message}`;
  }
  return isRecord(value) ? message : `${message}, got ${show(value)}`;
}

function findDuplicates(entries: readonly unknown[], field: 'id' | 'rtuAddress'): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  entries.forEach((entry, index) => {
    const value = isRecord(entry) ? entry[field] : undefined;
    if (typeof value !== 'string') {
      return;
    }
    const first = firstIndex.get(value);
    if (first === undefined) {
      firstIndex.set(value, index);
    } else {
      problems.push({ index, text: `${describeEntry(entry, index)}: ${field} ${show(value)} is a duplicate of stations[${first}]` });
    }
  });
  return problems;
}

/** A fresh, frozen Station: callers never hold the DTO (class instances, mutable arrays). */
function toStation(dto: StationEntryDto): Station {
  const limits: Partial<Record<Element, ElementLimits>> = {};
  for (const element of ELEMENTS) {
    const range = dto.limits[element];
    if (range) {
      limits[element] = Object.freeze({ min: range.min, max: range.max });
    }
  }
  return Object.freeze({
    id: dto.id,
    rtuAddress: dto.rtuAddress,
    name: dto.name,
    kind: dto.kind,
    district: dto.district,
    basin: dto.basin,
    latitude: dto.latitude,
    longitude: dto.longitude,
    ...(dto.datum === undefined ? {} : { datum: dto.datum }),
    reportingIntervalMinutes: dto.reportingIntervalMinutes,
    channels: Object.freeze([...dto.channels]),
    elements: Object.freeze([...dto.elements]),
    limits: Object.freeze(limits),
  });
}

/** `stations[12] (id "70512345")`: the index finds the line, the id finds the station. */
function describeEntry(entry: unknown, index: number): string {
  const id = isRecord(entry) ? entry['id'] : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `stations[${index}] (id ${show(id)})` : `stations[${index}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_SHOWN_VALUE = 60;

function show(value: unknown): string {
  if (value === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(value) ?? `a ${typeof value}`; // functions and symbols have no JSON
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}…` : text;
}
