import { isChannel, isElement, listProblems, parseObservedAt } from '@hydro/domain';
import { parse } from 'csv-parse/sync';
import { ReplayFileError, type ReplayRecord } from './replay-record';

const REQUIRED = ['station', 'element', 'time', 'value'] as const;

/**
 * Reads a CSV of historical readings: a header with at least `station,element,time,value`
 * (and optionally `channel`, default cellular); `time` is ISO 8601 with offset or epoch ms.
 * Every bad row is reported with its line number and what is wrong; nothing is half-read.
 */
export function parseReplayCsv(text: string, source: string): ReplayRecord[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new ReplayFileError(`${source}: not readable as CSV: ${(error as Error).message}`);
  }
  const first = rows[0];
  if (first === undefined) return [];
  const missing = REQUIRED.filter((column) => !(column in first));
  if (missing.length > 0) throw new ReplayFileError(`${source}: the header lacks ${missing.join(', ')} (need ${REQUIRED.join(',')})`);

  const records: ReplayRecord[] = [];
  const problems: string[] = [];
  rows.forEach((row, index) => {
    const line = index + 2; // the header is line 1
    const station = row['station'] ?? '';
    const element = row['element'] ?? '';
    const channel = row['channel'] === undefined || row['channel'] === '' ? 'cellular' : row['channel'];
    const timeText = row['time'] ?? '';
    const time = parseObservedAt(/^\d+$/.test(timeText) ? Number(timeText) : timeText);
    const value = Number(row['value']);
    if (!/^\d{8}$/.test(station)) problems.push(`line ${line}: station "${station}" is not an 8-digit station code`);
    else if (!isElement(element)) problems.push(`line ${line}: element "${element}" is not one of water_level, rainfall, flow, battery_voltage`);
    else if (!isChannel(channel)) problems.push(`line ${line}: channel "${channel}" is not cellular or beidou`);
    else if (!time.ok) problems.push(`line ${line}: time: ${time.problem}`);
    else if (row['value'] === '' || !Number.isFinite(value)) problems.push(`line ${line}: value "${row['value'] ?? ''}" is not a number`);
    else records.push({ stationId: station, element, observedAt: time.time, value, channel });
  });
  if (problems.length > 0) throw new ReplayFileError(listProblems(`Invalid replay file ${source}`, problems));
  return records;
}
