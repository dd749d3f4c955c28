import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Channel, Station } from '@hydro/domain';
import { SqliteReadingStore } from '@hydro/ingestion';
import { parse } from 'csv-parse/sync';
import type { ApiErrorView, ArrivalReportView } from './support/api-views';
import type { ApiAnswer } from './support/centre-api';
import { ADMIN_TOKEN, CentreUnderTest } from './support/centre-under-test';
import { publishReports, timedReport } from './support/live-reports';
import { uniqueName } from './support/services';
import type { Report } from './support/station-reports';
import { pickStations } from './support/station-picks';
import { waitFor } from './support/wait-for';

/**
 * 到报率 over HTTP, from reports sent over MQTT as the stations sent them in September 2023: known numbers
 * of timed reports around the 08:00 Beijing boundary of the hydrological day, copies over two channels, a
 * redelivery and reports off the schedule, which must not count.
 */

const MINUTE = 60_000;
const FIVE_MINUTES = 5 * MINUTE;
const HOUR = 60 * MINUTE;
/** Hydrological day 2023-09-21: from 08:00 Beijing time that day to 08:00 the next. */
const DAY1 = Date.parse('2023-09-21T08:00:00+08:00');
const DAY2 = DAY1 + 24 * HOUR;

const [single, dual, hourly] = pickStations([
  { intervalMinutes: 5, channels: ['cellular'] },
  { intervalMinutes: 5, channels: ['cellular', 'beidou'] },
  { intervalMinutes: 60, channels: ['cellular'] },
]) as [Station, Station, Station];

const slots = (start: number, count: number, step: number): number[] => Array.from({ length: count }, (_, i) => start + i * step);
const sent = (station: Station, channel: Channel, times: readonly number[]): Report[] => times.map((t) => timedReport(station, channel, t));

/** What the stations sent, and, per hydrological day, how many distinct timed reports that makes. */
const REPORTS: Report[] = [
  // 100 slots from 08:00, then 07:55 next morning: still the 21st's hydrological day.
  ...sent(single, 'cellular', [...slots(DAY1, 100, FIVE_MINUTES), DAY2 - FIVE_MINUTES]),
  // A broker redelivery of the 08:00 report, an added report at 08:02:30, and 07:55 of the day before.
  ...sent(single, 'cellular', [DAY1, DAY1 + FIVE_MINUTES / 2, DAY1 - FIVE_MINUTES]),
  // From 08:00 on the 22nd: the second day.
  ...sent(single, 'cellular', slots(DAY2, 50, FIVE_MINUTES)),
  // Cellular slots 0-29 and BeiDou slots 20-39: ten reports came over both, 40 distinct.
  ...sent(dual, 'cellular', slots(DAY1, 30, FIVE_MINUTES)),
  ...sent(dual, 'beidou', slots(DAY1 + 20 * FIVE_MINUTES, 20, FIVE_MINUTES)),
  ...sent(dual, 'beidou', slots(DAY2, 5, FIVE_MINUTES)),
  // Every hour of the first day, and one report at 08:30: on a 5-minute slot, but not on this station's hour.
  ...sent(hourly, 'cellular', [...slots(DAY1, 24, HOUR), DAY1 + 30 * MINUTE]),
];

interface Expected {
  readonly key: string;
  readonly day?: string;
  readonly expected: number;
  readonly received: number;
  /** As the CSV shows it: percent, cut (not rounded) to two decimals. */
  readonly percent: string;
}

const BY_STATION_PER_DAY: Expected[] = [
  { day: '2023-09-21', key: single.id, expected: 288, received: 101, percent: '35.06' },
  { day: '2023-09-21', key: dual.id, expected: 288, received: 40, percent: '13.88' },
  { day: '2023-09-21', key: hourly.id, expected: 24, received: 24, percent: '100.00' },
  { day: '2023-09-22', key: single.id, expected: 288, received: 50, percent: '17.36' },
  { day: '2023-09-22', key: dual.id, expected: 288, received: 5, percent: '1.73' },
  { day: '2023-09-22', key: hourly.id, expected: 24, received: 0, percent: '0.00' },
];

const BY_CHANNEL_PER_DAY: Expected[] = [
  { day: '2023-09-21', key: `${single.id}:cellular`, expected: 288, received: 101, percent: '35.06' },
  { day: '2023-09-21', key: `${dual.id}:cellular`, expected: 288, received: 30, percent: '10.41' },
  { day: '2023-09-21', key: `${dual.id}:beidou`, expected: 288, received: 20, percent: '6.94' },
  { day: '2023-09-21', key: `${hourly.id}:cellular`, expected: 24, received: 24, percent: '100.00' },
  { day: '2023-09-22', key: `${single.id}:cellular`, expected: 288, received: 50, percent: '17.36' },
  { day: '2023-09-22', key: `${dual.id}:cellular`, expected: 288, received: 0, percent: '0.00' },
  { day: '2023-09-22', key: `${dual.id}:beidou`, expected: 288, received: 5, percent: '1.73' },
  { day: '2023-09-22', key: `${hourly.id}:cellular`, expected: 24, received: 0, percent: '0.00' },
];

const CSV_HEADER = ['水文日 day', '起 from', '止 to', '编码 key', '名称 name', '应到 expected', '实到 received', '到报率 rate %', '维护时长 maintenance min'];

describe('arrival-rate reports', () => {
  let centre: CentreUnderTest;
  const report = (query: string, accept?: string): Promise<ApiAnswer> =>
    centre.api.get(`/api/reports/arrival?${query}`, { token: ADMIN_TOKEN, ...(accept === undefined ? {} : { headers: { accept } }) });

  beforeAll(async () => {
    centre = await CentreUnderTest.prepare({ stations: [single, dual, hourly] });
    await centre.start();
    await centre.settled();
    await publishReports(centre.brokerUrl, uniqueName('rtu'), REPORTS);
    const distinct = new Set(REPORTS.map((r) => { const b = JSON.parse(r.payload) as { stationId: string; channel: string; observedAt: number }; return `${b.stationId} ${b.channel} ${b.observedAt}`; })).size;
    await waitFor(() => storedArrivals(centre.sqliteFile), (n) => n === distinct, 'every report in the store');
  });

  afterAll(async () => {
    await centre?.dispose();
  });

  it('counts distinct timed reports per station and hydrological day, a dual-channel report once, off-schedule ones not at all', async () => {
    const answer = await report('from=2023-09-21&to=2023-09-22&groupBy=station');
    expect(answer.status).toBe(200);
    const body = answer.json as ArrivalReportView;
    expect(body.range).toEqual({ from: DAY1, to: DAY2 + 24 * HOUR });
    expect(body.rows.map(({ key, day, expected, received }) => ({ key, day, expected, received }))).toEqual(BY_STATION_PER_DAY.map(({ key, day, expected, received }) => ({ key, day, expected, received })));
    for (const row of body.rows) {
      expect(row.rate).toBeCloseTo(row.received / row.expected, 12);
      expect(row).toMatchObject({ maintenanceMinutes: 0, excess: 0 });
    }
    expect(body.rows[0]).toMatchObject({ label: single.name, from: DAY1, to: DAY2 });
    expect(body.bucketTotals.map((t) => [t.day, t.expected, t.received])).toEqual([
      ['2023-09-21', 600, 165],
      ['2023-09-22', 600, 55],
    ]);
    expect(body.total).toMatchObject({ key: 'total', expected: 1200, received: 220 });
  });

  it('counts each channel on its own when grouped by channel', async () => {
    const body = (await report('from=2023-09-21&to=2023-09-22&groupBy=channel')).json as ArrivalReportView;
    expect(body.rows.map(({ key, day, expected, received }) => ({ key, day, expected, received }))).toEqual(BY_CHANNEL_PER_DAY.map(({ key, day, expected, received }) => ({ key, day, expected, received })));
    expect(body.rows.find((r) => r.key === `${dual.id}:beidou`)?.label).toContain(dual.name);
  });

  it('sums the days over the whole range with every=range', async () => {
    const body = (await report('from=2023-09-21&to=2023-09-22&groupBy=station&every=range')).json as ArrivalReportView;
    expect(body.rows.map((r) => [r.key, r.day, r.expected, r.received])).toEqual([
      [single.id, undefined, 576, 151],
      [dual.id, undefined, 576, 45],
      [hourly.id, undefined, 48, 24],
    ]);
  });

  it.each([
    // The same date twice is that one hydrological day.
    ['from=2023-09-21&to=2023-09-21', [[288, 101], [288, 40], [24, 24]]],
    // Half-open, to the minute: 08:00 to 16:20 holds the 5-minute slots 08:00-16:15 and the hours 08:00-16:00.
    ['from=2023-09-21T08:00:00%2B08:00&to=2023-09-21T16:20:00%2B08:00', [[100, 100], [100, 40], [9, 9]]],
    // One slot less: the 16:15 report falls outside.
    ['from=2023-09-21T08:00:00%2B08:00&to=2023-09-21T16:15:00%2B08:00', [[99, 99], [99, 40], [9, 9]]],
    // The day before holds only the 07:55 report of the 21st.
    ['from=2023-09-20&to=2023-09-20', [[288, 1], [288, 0], [24, 0]]],
  ])('reports exactly the slots inside %s', async (range, expected) => {
    const body = (await report(`${range}&groupBy=station&every=range`)).json as ArrivalReportView;
    expect(body.rows.map((r) => [r.expected, r.received])).toEqual(expected);
  });

  it('gives the same numbers as CSV for the monthly report, with a total per day and over the range', async () => {
    const answer = await report('from=2023-09-21&to=2023-09-22&groupBy=station', 'text/csv');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    const records: string[][] = parse(answer.text, { bom: true });
    expect(records[0]).toEqual(CSV_HEADER);
    const pick = (r: string[]): string[] => [r[0]!, r[3]!, r[5]!, r[6]!, r[7]!, r[8]!];
    const row = (e: Expected): string[] => [e.day ?? '', e.key, String(e.expected), String(e.received), e.percent, '0'];
    expect(records.slice(1).map(pick)).toEqual([
      ...BY_STATION_PER_DAY.slice(0, 3).map(row),
      ['2023-09-21', 'total', '600', '165', '27.50', '0'],
      ...BY_STATION_PER_DAY.slice(3).map(row),
      ['2023-09-22', 'total', '600', '55', '9.16', '0'],
      ['', 'total', '1200', '220', '18.33', '0'],
    ]);
    // Beijing time, as the bureau's forms show it.
    expect([records[1]![1], records[1]![2]]).toEqual(['2023-09-21 08:00', '2023-09-22 08:00']);
    expect(records[1]![4]).toBe(single.name);
  });

  it('gives per-channel CSV rows matching the JSON report', async () => {
    const json = (await report('from=2023-09-21&to=2023-09-22&groupBy=channel')).json as ArrivalReportView;
    const csv: string[][] = parse((await report('from=2023-09-21&to=2023-09-22&groupBy=channel', 'text/csv')).text, { bom: true });
    const fromCsv = csv.slice(1).filter((r) => r[3] !== 'total').map((r) => [r[0], r[3], Number(r[5]), Number(r[6])]);
    expect(fromCsv).toEqual(json.rows.map((r) => [r.day, r.key, r.expected, r.received]));
    expect(fromCsv.map((r) => r[3])).toEqual(BY_CHANNEL_PER_DAY.map((e) => e.received));
  });

  it.each([
    ['367 hydrological days by plain dates', 200, 'from=2023-01-01&to=2024-01-02', undefined],
    ['368 hydrological days', 400, 'from=2023-01-01&to=2024-01-03', 'to'],
    ['exactly 367 days between instants', 200, 'from=2023-01-01T08:00:00%2B08:00&to=2024-01-03T08:00:00%2B08:00', undefined],
    ['367 days and one millisecond', 400, 'from=2023-01-01T08:00:00%2B08:00&to=2024-01-03T08:00:00.001%2B08:00', 'to'],
  ])('answers a range of %s with %d', async (_what, status, range, field) => {
    const answer = await report(`${range}&groupBy=district&every=range`);
    expect(answer.status).toBe(status);
    expect((answer.json as Partial<ApiErrorView>).field).toBe(field);
  });

  it.each([
    ['a date that does not exist', 'from=2023-02-30&to=2023-03-01', 'from'],
    ['a time without an offset', 'from=2023-09-21T08:00:00&to=2023-09-22', 'from'],
    ['no start', 'to=2023-09-22', 'from'],
    ['no end', 'from=2023-09-21', 'to'],
    ['an end before the start', 'from=2023-09-22&to=2023-09-21', 'to'],
  ])('refuses %s with a 400 naming the field', async (_what, range, field) => {
    const answer = await report(range);
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ statusCode: 400, field });
    expect(String((answer.json as ApiErrorView).message)).toContain(field);
  });

  it.each([
    ['groupBy=village', 'groupBy'],
    ['every=week', 'every'],
  ])('refuses %s with a 400 naming the parameter', async (query, parameter) => {
    const answer = await report(`from=2023-09-21&to=2023-09-22&${query}`);
    expect(answer.status).toBe(400);
    expect(String((answer.json as ApiErrorView).message)).toContain(parameter);
  });
});

/** Arrivals in the centre's SQLite file, read as an operator would. */
async function storedArrivals(file: string): Promise<number> {
  const store = new SqliteReadingStore({ file });
  try {
    await store.prepare();
    return (await store.arrivals({})).length;
  } finally {
    await store.close();
  }
}
