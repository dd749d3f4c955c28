import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { DAY_MS } from '../time/durations';
import type { ArrivalReport, ArrivalRow } from './arrival-report';
import { ARRIVAL_CSV_HEADER, arrivalReportCsv } from './arrival-report-csv';

const DAY1 = Date.parse('2023-09-21T08:00:00+08:00');
const DAY2 = DAY1 + DAY_MS;
const row = (overrides: Partial<ArrivalRow>): ArrivalRow => ({
  key: '70100001',
  label: '温溪站',
  day: '2023-09-21',
  from: DAY1,
  to: DAY2,
  expected: 288,
  received: 288,
  rate: 1,
  maintenanceMinutes: 0,
  excess: 0,
  ...overrides,
});

const report: ArrivalReport = {
  range: { from: DAY1, to: DAY2 + DAY_MS },
  every: DAY_MS,
  groupBy: 'station',
  rows: [
    row({ label: '温溪站, "新"', received: 287, rate: 287 / 288 }),
    row({ key: '70100002', label: 'Rui\'an 1', expected: 0, received: 0, rate: null, maintenanceMinutes: 1440 }),
    row({ day: '2023-09-22', from: DAY2, to: DAY2 + DAY_MS, expected: 3, received: 2, rate: 2 / 3 }),
  ],
  bucketTotals: [
    row({ key: 'total', label: '合计 Total', received: 287, rate: 287 / 288, maintenanceMinutes: 1440 }),
    row({ key: 'total', label: '合计 Total', day: '2023-09-22', from: DAY2, to: DAY2 + DAY_MS, expected: 3, received: 2, rate: 2 / 3 }),
  ],
  total: row({
    key: 'total',
    label: '合计 Total',
    day: undefined,
    to: DAY2 + DAY_MS,
    expected: 291,
    received: 289,
    rate: 289 / 291,
    maintenanceMinutes: 1440,
  }),
};

describe('arrivalReportCsv', () => {
  it('writes a header, each day’s rows and total, then the total over the range', () => {
    const records: string[][] = parse(arrivalReportCsv(report));
    expect(records).toEqual([
      [...ARRIVAL_CSV_HEADER],
      ['2023-09-21', '2023-09-21 08:00', '2023-09-22 08:00', '70100001', '温溪站, "新"', '288', '287', '99.65', '0'],
      ['2023-09-21', '2023-09-21 08:00', '2023-09-22 08:00', '70100002', "Rui'an 1", '0', '0', '', '1440'],
      ['2023-09-21', '2023-09-21 08:00', '2023-09-22 08:00', 'total', '合计 Total', '288', '287', '99.65', '1440'],
      ['2023-09-22', '2023-09-22 08:00', '2023-09-23 08:00', '70100001', '温溪站', '3', '2', '66.66', '0'],
      ['2023-09-22', '2023-09-22 08:00', '2023-09-23 08:00', 'total', '合计 Total', '3', '2', '66.66', '0'],
      ['', '2023-09-21 08:00', '2023-09-23 08:00', 'total', '合计 Total', '291', '289', '99.31', '1440'],
    ]);
  });

  it('quotes a label with a comma and quotes, and leaves Chinese text as it is', () => {
    const line = arrivalReportCsv(report).split('\r\n')[1];
    expect(line).toBe('2023-09-21,2023-09-21 08:00,2023-09-22 08:00,70100001,"温溪站, ""新""",288,287,99.65,0');
  });

  it.each([
    [287, 288, '99.65'],
    [28_799, 28_800, '99.99'],
    [29, 100, '29.00'],
    [288, 288, '100.00'],
  ])('cuts %d of %d down to %s %% so that 100.00 means nothing was missing', (received, expected, percent) => {
    const single: ArrivalReport = { ...report, rows: [], bucketTotals: [row({ received, expected, rate: received / expected })] };
    const records: string[][] = parse(arrivalReportCsv(single));
    expect(records[1]![7]).toBe(percent);
  });

  it('starts with a byte-order mark only when asked, for Excel', () => {
    expect(arrivalReportCsv(report, { excelBom: true }).startsWith('\uFEFF水文日')).toBe(true);
    expect(arrivalReportCsv(report).startsWith('水文日')).toBe(true);
  });
});
