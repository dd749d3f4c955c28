import { isElement } from '@hydro/domain';
import { ReplayFileError, type ReplayRecord } from './replay-record';

export type Precision = 'ns' | 'us' | 'ms' | 's';
const TO_MS: Record<Precision, bigint> = { ns: 1_000_000n, us: 1_000n, ms: 1n, s: 1n };

/**
 * Reads InfluxDB line protocol in this project's schema (measurement `reading`, tags
 * `station` and `element`, field `value`), e.g. an `influx_inspect export` of a past storm.
 * Lines of other measurements are skipped and counted; a malformed `reading` line is an error.
 */
export function parseLineProtocol(text: string, source: string, precision: Precision = 'ns'): { records: ReplayRecord[]; skipped: number } {
  const records: ReplayRecord[] = [];
  const problems: string[] = [];
  let skipped = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parts = splitUnescaped(line, ' ');
    const [series, fields, timestamp] = parts;
    const [measurement, ...tagPairs] = splitUnescaped(series ?? '', ',');
    if (measurement !== 'reading') {
      skipped += 1;
      return;
    }
    const where = `line ${index + 1}`;
    const tags = pairs(tagPairs);
    const values = pairs(splitUnescaped(fields ?? '', ','));
    const station = tags.get('station') ?? '';
    const element = tags.get('element') ?? '';
    const value = Number((values.get('value') ?? '').replace(/i$/, ''));
    if (parts.length !== 3 || !/^-?\d+$/.test(timestamp ?? '')) problems.push(`${where}: needs "reading,<tags> <fields> <timestamp>"`);
    else if (!/^\d{8}$/.test(station)) problems.push(`${where}: tag station "${station}" is not an 8-digit station code`);
    else if (!isElement(element)) problems.push(`${where}: tag element "${element}" is not a known element`);
    else if (!values.has('value') || !Number.isFinite(value)) problems.push(`${where}: field value is missing or not a number`);
    else {
      const stamp = BigInt(timestamp ?? '0');
      const observedAt = Number(precision === 's' ? stamp * 1000n : stamp / TO_MS[precision]);
      records.push({ stationId: unescape(station), element, observedAt, value, channel: 'cellular' });
    }
  });
  if (problems.length > 0) {
    throw new ReplayFileError(`${source}: ${problems.length} bad line(s):\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  return { records, skipped };
}

/** Splits on `separator` where it is not escaped by a backslash and not inside double quotes. */
function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]!;
    if (char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1]!;
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
      current += char;
    } else if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function pairs(items: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const item of items) {
    const [key, ...rest] = splitUnescaped(item, '=');
    if (key !== undefined && rest.length > 0) map.set(unescape(key), rest.join('='));
  }
  return map;
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, '$1');
}
