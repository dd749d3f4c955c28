import { BadRequestException } from '@nestjs/common';

/**
 * A query parameter that may name several values (`?state=active,acknowledged` or repeated):
 * each must be one of `allowed`; the error names the parameter and the choices.
 */
export function listParam<T extends string>(name: string, value: string | string[] | undefined, allowed: readonly T[]): T[] | undefined {
  if (value === undefined) return undefined;
  const values = (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  // `?state=` (a form with nothing chosen) is no filter; an empty list would match nothing.
  if (values.length === 0) return undefined;
  const wrong = values.filter((v) => !(allowed as readonly string[]).includes(v));
  if (wrong.length > 0) throw new BadRequestException(`${name}: ${wrong.map((w) => `"${w}"`).join(', ')} is not one of ${allowed.join(', ')}`);
  return values as T[];
}

/** `true`/`false` (also 1/0), or a 400 naming the parameter. */
export function booleanParam(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new BadRequestException(`${name} must be true or false, not "${value}"`);
}
