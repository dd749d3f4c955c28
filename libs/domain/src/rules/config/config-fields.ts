import { IsIn, IsInt, IsNumber, IsString, Matches, Max, Min } from 'class-validator';
import { SEVERITIES } from '../../alerts/severity';
import { DAY_MS, MINUTE_MS } from '../../time/durations';

/*
 * Field checks shared by the rule entry DTOs. Messages are predicates ("must be …"): the parser prefixes
 * the field path and appends the value found. Within a field, decorators run bottom-up and only the first
 * failure is reported, so each factory lists the most basic check (type) last.
 */

export const FINITE = { allowNaN: false, allowInfinity: false } as const;

/** Ids end up in alert ids, MQTT topics and URLs: no `/`, `+`, `#`, spaces or anything odd. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const ID_RULE = 'must be 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit';

/** The longest duration any minutes field may hold: a week, far beyond any sensible rule. */
export const LONGEST_DURATION_MINUTES = (7 * DAY_MS) / MINUTE_MS;

type Decorator = (target: object, propertyKey: string) => void;

/** Decorators listed as they would be stacked above a property: the last one listed runs first. */
function checks(...decorators: Decorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorator of [...decorators].reverse()) decorator(target, key as string);
  };
}

export function IsConfigId(): PropertyDecorator {
  return checks(Matches(ID_PATTERN, { message: ID_RULE }), IsString({ message: ID_RULE }));
}

export function IsText(what = 'a non-empty string'): PropertyDecorator {
  return checks(Matches(/\S/, { message: `must be ${what}` }), IsString({ message: `must be ${what}` }));
}

export function IsSeverityName(): PropertyDecorator {
  return IsIn(SEVERITIES, { message: `must be one of ${SEVERITIES.join(', ')}` });
}

/** Whole minutes from `least` up to a week. */
export function IsMinutes(least: 0 | 1): PropertyDecorator {
  const what = least === 0 ? 'a whole number of minutes, 0 or more' : 'a whole number of minutes, 1 or more';
  return checks(
    Max(LONGEST_DURATION_MINUTES, { message: `must be at most ${LONGEST_DURATION_MINUTES} minutes (a week)` }),
    Min(least, { message: `must be ${what}` }),
    IsInt({ message: `must be ${what}` }),
  );
}

/** A finite number of metres within [least, most]. */
export function IsMetres(least: number, most: number, what: string): PropertyDecorator {
  return checks(
    Max(most, { message: `must be at most ${most} m (${what})` }),
    Min(least, { message: `must be at least ${least} m (${what})` }),
    IsNumber(FINITE, { message: 'must be a finite number of metres' }),
  );
}

export function minutesToMs(minutes: number): number {
  return minutes * MINUTE_MS;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const MAX_SHOWN_VALUE = 60;

/** The value as the file has it, short enough for one line of a log. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? `a ${typeof value}`; // functions and symbols have no JSON
  return text.length > MAX_SHOWN_VALUE ? `${text.slice(0, MAX_SHOWN_VALUE)}…` : text;
}
