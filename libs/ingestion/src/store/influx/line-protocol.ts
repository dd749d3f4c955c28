/**
 * InfluxDB line protocol, as the 1.x `/write` endpoint (and the v1-compatible endpoints of 2.x and 3.x) parse it:
 *   measurement[,tagKey=tagValue...] fieldKey=fieldValue[,fieldKey=fieldValue...] timestampNs
 * Pure: no I/O, so every escaping rule is unit-tested on its own.
 */

export type FieldValue =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean };

export interface LinePoint {
  readonly measurement: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Nanoseconds since the epoch as decimal digits (see nsTimestamp): a number would lose precision. */
  readonly timeNs: string;
}

/** A value that line protocol cannot carry; thrown before anything is sent. */
export class LineProtocolError extends Error {
  override readonly name = 'LineProtocolError';
}

const NS_PER_MS = 1_000_000n;

export const float = (value: number): FieldValue => ({ kind: 'float', value });
export const integer = (value: number): FieldValue => ({ kind: 'integer', value });
export const str = (value: string): FieldValue => ({ kind: 'string', value });
export const bool = (value: boolean): FieldValue => ({ kind: 'boolean', value });

/**
 * Epoch milliseconds (plus an optional sub-millisecond offset) as a nanosecond timestamp string.
 * ms * 1e6 passes 2^53 for any date after 1970-04-15, so the arithmetic is done in BigInt.
 */
export function nsTimestamp(epochMs: number, extraNs = 0): string {
  if (!Number.isSafeInteger(epochMs)) throw new LineProtocolError(`timestamp ${epochMs} ms is not an integer`);
  if (!Number.isInteger(extraNs) || extraNs < 0 || extraNs >= 1_000_000) {
    throw new LineProtocolError(`sub-millisecond offset ${extraNs} ns is not in [0, 999999]`);
  }
  return (BigInt(epochMs) * NS_PER_MS + BigInt(extraNs)).toString();
}

/**
 * Measurement names: commas and spaces are escaped with a backslash.
 * Backslashes and newlines have no escape at all in names, keys and tag values (a trailing `\`
 * would swallow the separator that follows), so they are refused rather than stored mangled.
 */
export function escapeMeasurement(name: string): string {
  checkIdentifier('measurement', name);
  return name.replace(/[, ]/g, (c) => `\\${c}`);
}

/** Tag keys, tag values and field keys: commas, equals signs and spaces are escaped. */
export function escapeKey(role: string, key: string): string {
  checkIdentifier(role, key);
  return key.replace(/[,= ]/g, (c) => `\\${c}`);
}

function checkIdentifier(role: string, text: string): void {
  if (text.length === 0) throw new LineProtocolError(`${role} is empty`);
  if (/[\\\n\r]/.test(text)) throw new LineProtocolError(`${role} ${JSON.stringify(text)} contains a backslash or line break`);
}

/**
 * A float that InfluxDB stores as float. A bare `3` already parses as float in line protocol,
 * but `3.0` says so to a reader of the request and cannot be mistaken for an integer field.
 * String() gives the shortest text that reads back as the same double (e.g. 1.5e-7, 1e+21).
 */
export function formatFloat(value: number): string {
  if (!Number.isFinite(value)) throw new LineProtocolError(`float ${value} cannot be written (NaN and infinities have no line-protocol form)`);
  const text = String(value);
  return /[.e]/.test(text) ? text : `${text}.0`;
}

export function formatInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new LineProtocolError(`integer ${value} is not a safe integer`);
  return `${value}i`;
}

/** String field values are double-quoted; inside, backslashes and double quotes are escaped. Newlines may stay. */
export function formatString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

export function formatField(field: FieldValue): string {
  switch (field.kind) {
    case 'float':
      return formatFloat(field.value);
    case 'integer':
      return formatInteger(field.value);
    case 'string':
      return formatString(field.value);
    case 'boolean':
      return field.value ? 'true' : 'false';
  }
}

/** One point as one line (no trailing newline). Tags are sorted by key, as InfluxDB recommends for parsing speed. */
export function encodeLine(point: LinePoint): string {
  if (!/^-?\d+$/.test(point.timeNs)) throw new LineProtocolError(`timestamp ${JSON.stringify(point.timeNs)} is not an integer`);
  const tags = Object.keys(point.tags)
    .sort()
    .map((key) => `,${escapeKey('tag key', key)}=${escapeKey(`tag ${key}`, point.tags[key] ?? '')}`)
    .join('');
  const fieldKeys = Object.keys(point.fields);
  if (fieldKeys.length === 0) throw new LineProtocolError(`a ${point.measurement} point needs at least one field`);
  const fields = fieldKeys
    .map((key) => {
      const field = point.fields[key];
      if (field === undefined) throw new LineProtocolError(`field ${key} has no value`);
      return `${escapeKey('field key', key)}=${formatField(field)}`;
    })
    .join(',');
  return `${escapeMeasurement(point.measurement)}${tags} ${fields} ${point.timeNs}`;
}
