// class-transformer's @Type reads design-time metadata through the Reflect API this polyfill provides.
import 'reflect-metadata';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, ValidationTypes, type ValidationError } from 'class-validator';
import { isRecord, show } from './config-fields';
import type { RuleConfigProblem } from './rule-config-problem';
import { RULE_CONFIG_VERSION } from './rule-files';

/** One entry that passed its DTO's checks, with where it stands in the file. */
export interface ValidEntry<Dto> {
  readonly index: number;
  readonly id: string;
  readonly dto: Dto;
}

export interface EntryId {
  readonly index: number;
  readonly id: string;
}

export interface FileEntries<Dto> {
  readonly entries: readonly ValidEntry<Dto>[];
  /** The id of every entry that has a string id, valid or not, for the check that ids are unique. */
  readonly ids: readonly EntryId[];
  readonly problems: readonly RuleConfigProblem[];
}

/** How one file's entries are checked field by field. */
export interface EntrySchema<Dto extends object, Defaults extends object> {
  readonly file: string;
  readonly entry: ClassConstructor<Dto>;
  /** The fields `defaults` may hold (and nothing else). */
  readonly defaults: ClassConstructor<Defaults>;
  /** Names of those fields, for the "give it in the rule or in defaults" hint. */
  readonly defaultable: readonly string[];
}

const TOP_LEVEL_KEYS = ['version', 'defaults', 'rules'];
const STRICT = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true } as const;

/**
 * The structural half of validation: the file's top level, its `defaults`, and each entry (merged over
 * the defaults) against its DTO. Cross-field and registry checks come after, on the entries that pass.
 */
export function validateEntries<Dto extends object, Defaults extends object>(json: unknown, schema: EntrySchema<Dto, Defaults>): FileEntries<Dto> {
  const { file } = schema;
  const top = (message: string, field?: string): RuleConfigProblem => ({ file, ...(field === undefined ? {} : { field }), message });
  if (!isRecord(json)) {
    return { entries: [], ids: [], problems: [top(`top level must be an object {"version": ${RULE_CONFIG_VERSION}, "rules": [...]}, got ${show(json)}`)] };
  }
  const problems: RuleConfigProblem[] = [];
  if (json['version'] !== RULE_CONFIG_VERSION) problems.push(top(`must be ${RULE_CONFIG_VERSION}, got ${show(json['version'])}`, 'version'));
  for (const key of Object.keys(json).filter((k) => !TOP_LEVEL_KEYS.includes(k))) {
    problems.push(top(`is not a known top-level field (expected ${TOP_LEVEL_KEYS.join(', ')})`, key));
  }
  const { defaults, unusable } = validDefaults(json['defaults'], schema, problems);
  const rules = json['rules'];
  if (!Array.isArray(rules)) {
    problems.push(top(`must be an array of rule entries, got ${show(rules)}`, 'rules'));
    return { entries: [], ids: [], problems };
  }
  const entries: ValidEntry<Dto>[] = [];
  const ids: EntryId[] = [];
  rules.forEach((raw: unknown, index) => {
    const id = isRecord(raw) && typeof raw['id'] === 'string' ? raw['id'] : undefined;
    if (id !== undefined) ids.push({ index, id });
    const at = { file, index, ...(id === undefined ? {} : { id }) };
    if (!isRecord(raw)) {
      problems.push({ ...at, message: `must be an object, got ${show(raw)}` });
      return;
    }
    const dto = plainToInstance(schema.entry, { ...defaults, ...raw });
    const errors = validateSync(dto, STRICT);
    const failures = fieldProblems(errors, '', new Set(schema.defaultable), unusable);
    problems.push(...failures.map((failure) => ({ ...at, ...failure })));
    // Missing only because its default is broken: already said under defaults, but still not a usable entry.
    const waitsForDefault = errors.some((error) => unusable.has(error.property) && error.value === undefined);
    if (failures.length === 0 && !waitsForDefault && id !== undefined) entries.push({ index, id, dto });
  });
  return { entries, ids, problems };
}

/** The defaults that passed their checks; the fields that failed are left out and not reported again per entry. */
function validDefaults<Defaults extends object>(
  raw: unknown,
  schema: EntrySchema<object, Defaults>,
  problems: RuleConfigProblem[],
): { defaults: Record<string, unknown>; unusable: ReadonlySet<string> } {
  if (raw === undefined) return { defaults: {}, unusable: new Set() };
  if (!isRecord(raw)) {
    problems.push({ file: schema.file, field: 'defaults', message: `must be an object of default rule fields, got ${show(raw)}` });
    return { defaults: {}, unusable: new Set() };
  }
  const failures = fieldProblems(validateSync(plainToInstance(schema.defaults, raw), STRICT), 'defaults', new Set(), new Set());
  problems.push(...failures.map((failure) => ({ file: schema.file, ...failure })));
  const unusable = new Set(Object.keys(raw).filter((key) => failures.some((f) => topField(f.field.slice('defaults.'.length)) === key)));
  return { defaults: Object.fromEntries(Object.entries(raw).filter(([key]) => !unusable.has(key))), unusable };
}

/**
 * One problem per failing field, path first (`thresholds[1].level`). Only a field's first failure is
 * shown: checks run from the most basic (type) up, and "must be an array" followed by "must not be
 * empty" would only be noise.
 */
function fieldProblems(
  errors: readonly ValidationError[],
  parent: string,
  defaultable: ReadonlySet<string>,
  unusable: ReadonlySet<string>,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  for (const error of errors) {
    const field = parent === '' ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    const [type, message] = Object.entries(error.constraints ?? {})[0] ?? [];
    if (parent === '' && unusable.has(error.property) && error.value === undefined) continue; // its default was reported
    if (type === ValidationTypes.WHITELIST) {
      problems.push({ field, message: 'is not a known field' });
    } else if (type === ValidationTypes.NESTED_VALIDATION) {
      // An array item (or nested field) that is not an object at all: say so in the file's words.
      problems.push({ field, message: `must be an object, got ${show(error.value)}` });
    } else if (message !== undefined) {
      problems.push({ field, message: failure(message, error.value, parent === '' && defaultable.has(error.property)) });
    }
    problems.push(...fieldProblems(error.children ?? [], field, new Set(), new Set()));
  }
  return problems;
}

/** `severities.prepare` → `severities`, `thresholds[0]` → `thresholds`. */
function topField(path: string): string {
  return /^[^.[]*/.exec(path)?.[0] ?? path;
}

function failure(message: string, value: unknown, defaultable: boolean): string {
  if (value === undefined) return defaultable ? `is missing (give it in the rule or in defaults): ${message}` : `is missing: ${message}`;
  return isRecord(value) ? message : `${message}, got ${show(value)}`;
}
