import { formatBeijing } from '../time/beijing-time';
import type { ArrivalReport, ArrivalRow } from './arrival-report';
import { csvText, type CsvValue } from './csv-text';

/** The columns of the report the bureau files; Chinese first, as on its forms, English for other readers. */
export const ARRIVAL_CSV_HEADER = [
  '水文日 day',
  '起 from',
  '止 to',
  '编码 key',
  '名称 name',
  '应到 expected',
  '实到 received',
  '到报率 rate %',
  '维护时长 maintenance min',
] as const;

export interface ArrivalCsvOptions {
  /** Start with a UTF-8 byte-order mark: Excel on Chinese Windows needs it to read the names. */
  readonly excelBom?: boolean;
}

/**
 * The report as CSV: a header, then per bucket its rows and the bucket's total, then the total over the
 * whole range when there is more than one bucket. Times are Beijing time; the rate is a percentage with
 * two decimals, empty when nothing was expected.
 */
export function arrivalReportCsv(report: ArrivalReport, options: ArrivalCsvOptions = {}): string {
  const rowsByBucket = new Map<number, ArrivalRow[]>();
  for (const row of report.rows) {
    const rows = rowsByBucket.get(row.from) ?? [];
    rows.push(row);
    rowsByBucket.set(row.from, rows);
  }
  const records: CsvValue[][] = [[...ARRIVAL_CSV_HEADER]];
  for (const bucketTotal of report.bucketTotals) {
    for (const row of rowsByBucket.get(bucketTotal.from) ?? []) records.push(record(row));
    records.push(record(bucketTotal));
  }
  if (report.bucketTotals.length !== 1) records.push(record(report.total));
  return `${options.excelBom ? '\uFEFF' : ''}${csvText(records)}`;
}

function record(row: ArrivalRow): CsvValue[] {
  return [
    row.day,
    formatBeijing(row.from),
    formatBeijing(row.to),
    row.key,
    row.label,
    row.expected,
    row.received,
    percentDown(row),
    row.maintenanceMinutes,
  ];
}

/** Cut, not rounded, to two decimals: 100.00 must mean that every expected report arrived. */
function percentDown(row: ArrivalRow): string | null {
  if (row.expected === 0) return null;
  return (Math.floor((row.received * 10_000) / row.expected) / 100).toFixed(2);
}
