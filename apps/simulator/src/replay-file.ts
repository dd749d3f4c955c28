import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseLineProtocol, parseReplayCsv, type Precision, replayReports, type ReplayReport } from '@hydro/simulation';

export type ReplayFormat = 'csv' | 'lp';

/** Reads a replay file into reports in observation order; the format comes from the extension unless given. */
export function readReplayFile(file: string, format?: ReplayFormat, precision: Precision = 'ns'): { reports: ReplayReport[]; skipped: number } {
  const text = readFileSync(file, 'utf8');
  const chosen = format ?? (extname(file).toLowerCase() === '.csv' ? 'csv' : 'lp');
  if (chosen === 'csv') return { reports: replayReports(parseReplayCsv(text, file)), skipped: 0 };
  const { records, skipped } = parseLineProtocol(text, file, precision);
  return { reports: replayReports(records), skipped };
}
