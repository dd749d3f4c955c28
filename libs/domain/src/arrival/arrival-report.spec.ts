import { describe, expect, it } from '@jest/globals';
import { MaintenanceCalendar } from '../maintenance/maintenance-calendar';
import { MaintenanceError } from '../maintenance/maintenance.error';
import type { OpenMaintenanceRequest } from '../maintenance/open-maintenance-request';
import { sampleRiverStation } from '../stations/__fixtures__/sample-river-station';
import type { Station } from '../stations/station';
import type { Arrival } from '../telemetry/reading';
import { DAY_MS, HOUR_MS } from '../time/durations';
import type { TimeRange } from '../time/time-range';
import { countArrivals, reportsEvery } from './__fixtures__/count-arrivals';
import type { ArrivalGrouping } from './arrival-grouping';
import { arrivalReport, type ArrivalReport, type ArrivalRow } from './arrival-report';
import { planArrivalQueries } from './plan-arrival-queries';
import type { ReportEvery } from './report-buckets';

const beijing = (text: string): number => Date.parse(`${text}+08:00`);
const DAY: TimeRange = { from: beijing('2023-09-21T08:00:00'), to: beijing('2023-09-22T08:00:00') };
const between = (from: string, to: string) => (t: number) => beijing(`2023-09-21T${from}`) <= t && t < beijing(`2023-09-21T${to}`);

/** 5-minute, cellular and BeiDou, Yongjia, Ou basin. */
const river: Station = sampleRiverStation();
/** Hourly, cellular only, Yongjia, Ou basin. */
const hourlyRain: Station = sampleRiverStation({
  id: '70500341',
  name: '樟山下站',
  kind: 'rain',
  reportingIntervalMinutes: 60,
  channels: ['cellular'],
});
/** 5-minute, cellular only, Dongtou, coastal. */
const tide: Station = sampleRiverStation({
  id: '70900001',
  name: '洞头站',
  kind: 'tide',
  district: 'dongtou',
  basin: 'coastal',
  channels: ['cellular'],
});

function calendarWith(stations: readonly Station[], ...requests: Partial<OpenMaintenanceRequest>[]): MaintenanceCalendar {
  const calendar = new MaintenanceCalendar({ get: (id) => stations.find((s) => s.id === id) });
  for (const request of requests) {
    const at = request.from ?? DAY.from;
    const event = calendar.open({ stationId: river.id, reason: 'battery', until: at + HOUR_MS, actor: 'li.na', from: at, ...request }, at);
    if (event instanceof MaintenanceError) throw event;
    calendar.apply(event);
  }
  return calendar;
}

interface Scenario {
  readonly stations: readonly Station[];
  readonly arrivals: readonly Arrival[];
  readonly groupBy: ArrivalGrouping;
  readonly range?: TimeRange;
  readonly every?: ReportEvery;
  readonly calendar?: MaintenanceCalendar;
}

/** The whole round trip: plan, the store's counts (computed from raw arrivals), the report. */
function reportOf(scenario: Scenario): ArrivalReport {
  const { stations, arrivals, groupBy, range = DAY, every = DAY_MS } = scenario;
  const calendar = scenario.calendar ?? calendarWith(stations);
  const storeEvery = every === 'range' ? DAY_MS : every;
  const plan = planArrivalQueries({ stations, range, groupBy, maintenance: calendar });
  return arrivalReport({
    stations,
    range,
    every,
    groupBy,
    counts: plan.countChannels.flatMap((channel) => countArrivals(arrivals, stations, channel, range, storeEvery)),
    maintenanceCounts: plan.maintenanceIntervals.flatMap((interval) =>
      countArrivals(arrivals.filter((a) => a.stationId === interval.stationId), stations, interval.channel, interval, storeEvery),
    ),
    maintenanceIntervals: plan.maintenanceIntervals,
  });
}

const numbers = (row: ArrivalRow | undefined) => row && [row.key, row.expected, row.received, row.maintenanceMinutes];

describe('arrivalReport', () => {
  it('puts the 08:00 report in the hydrological day it starts, and 07:55 in the day before', () => {
    const range = { from: beijing('2023-09-21T07:00:00'), to: beijing('2023-09-21T09:00:00') };
    const report = reportOf({
      stations: [tide],
      arrivals: reportsEvery(tide, 'cellular', range, (t) => t === beijing('2023-09-21T08:00:00')),
      groupBy: 'station',
      range,
    });
    expect(report.rows.map((row) => [row.day, row.expected, row.received])).toEqual([
      ['2023-09-20', 12, 12],
      ['2023-09-21', 12, 11],
    ]);
    expect(report.rows[1]!.rate).toBeCloseTo(11 / 12, 12);
    expect(numbers(report.total)).toEqual(['total', 24, 23, 0]);
    expect([report.total.from, report.total.to]).toEqual([range.from, range.to]);
  });

  it('leaves maintenance time out of both the expected and the received reports', () => {
    const calendar = calendarWith([tide], { stationId: tide.id, from: beijing('2023-09-21T10:00:00'), until: beijing('2023-09-21T12:00:00') });
    // Silent for 6 slots in service; during maintenance 10 test reports came, which must not count.
    const inService = reportsEvery(tide, 'cellular', DAY, (t) => between('15:00:00', '15:30:00')(t) || between('10:00:00', '12:00:00')(t));
    const testReports = reportsEvery(tide, 'cellular', { from: beijing('2023-09-21T10:00:00'), to: beijing('2023-09-21T10:50:00') });
    const report = reportOf({ stations: [tide], arrivals: [...inService, ...testReports], groupBy: 'station', calendar });
    expect(numbers(report.rows[0])).toEqual([tide.id, 288 - 24, 288 - 24 - 6, 120]);
    expect(report.rows[0]!.rate).toBeCloseTo(258 / 264, 12);
  });

  it('counts a report that came over both channels once for the station, and once per channel', () => {
    // Each channel misses its own hour; both miss 16:00 to 16:30 (6 slots).
    const bothDown = between('16:00:00', '16:30:00');
    const arrivals = [
      ...reportsEvery(river, 'cellular', DAY, (t) => between('10:00:00', '11:00:00')(t) || bothDown(t)),
      ...reportsEvery(river, 'beidou', DAY, (t) => between('14:00:00', '15:00:00')(t) || bothDown(t)),
    ];
    const station = reportOf({ stations: [river], arrivals, groupBy: 'station' }).rows[0]!;
    expect([station.expected, station.received, station.excess]).toEqual([288, 282, 0]);
    const channels = reportOf({ stations: [river], arrivals, groupBy: 'channel' });
    expect(channels.rows.map((row) => [row.key, row.label, row.expected, row.received])).toEqual([
      ['70100001:cellular', '温溪站 公网 (cellular)', 288, 270],
      ['70100001:beidou', '温溪站 北斗 (BeiDou)', 288, 270],
    ]);
  });

  it('takes a channel under maintenance out of that channel only', () => {
    const calendar = calendarWith([river], { channel: 'beidou', from: beijing('2023-09-21T10:00:00'), until: beijing('2023-09-21T12:00:00') });
    const arrivals = [...reportsEvery(river, 'cellular', DAY), ...reportsEvery(river, 'beidou', DAY, between('10:00:00', '12:00:00'))];
    expect(reportOf({ stations: [river], arrivals, groupBy: 'channel', calendar }).rows.map(numbers)).toEqual([
      ['70100001:cellular', 288, 288, 0],
      ['70100001:beidou', 264, 264, 120],
    ]);
    expect(reportOf({ stations: [river], arrivals, groupBy: 'station', calendar }).rows.map(numbers)).toEqual([['70100001', 288, 288, 0]]);
  });

  it('takes the whole station out when every channel is under maintenance at once', () => {
    const calendar = calendarWith(
      [river],
      { channel: 'beidou', from: beijing('2023-09-21T10:00:00'), until: beijing('2023-09-21T12:00:00') },
      { channel: 'cellular', from: beijing('2023-09-21T11:00:00'), until: beijing('2023-09-21T13:00:00') },
    );
    const arrivals = reportsEvery(river, 'cellular', DAY, between('11:00:00', '13:00:00'));
    expect(numbers(reportOf({ stations: [river], arrivals, groupBy: 'station', calendar }).rows[0])).toEqual([river.id, 276, 264, 60]);
  });

  it('sums groups as Σreceived ÷ Σexpected over 5-minute and hourly stations, not as a mean of rates, in catalogue order', () => {
    const arrivals = [
      ...reportsEvery(river, 'cellular', DAY),
      ...reportsEvery(hourlyRain, 'cellular', DAY, between('08:00:00', '20:00:00')),
      ...reportsEvery(tide, 'cellular', DAY, (t) => t >= beijing('2023-09-21T20:00:00')),
    ];
    const byDistrict = reportOf({ stations: [tide, river, hourlyRain], arrivals, groupBy: 'district' });
    expect(byDistrict.rows.map((row) => [row.key, row.label, row.expected, row.received, row.rate])).toEqual([
      ['dongtou', '洞头区 Dongtou', 288, 144, 0.5],
      ['yongjia', '永嘉县 Yongjia', 288 + 24, 288 + 12, 300 / 312],
    ]);
    expect(byDistrict.rows[1]!.rate).not.toBeCloseTo((1 + 0.5) / 2, 2);
    expect([byDistrict.total.expected, byDistrict.total.received, byDistrict.total.rate]).toEqual([600, 444, 444 / 600]);

    const byBasin = reportOf({ stations: [tide, river, hourlyRain], arrivals, groupBy: 'basin' });
    expect(byBasin.rows.map((row) => [row.key, row.label, row.expected, row.received])).toEqual([
      ['ou', '瓯江 Ou River (incl. Nanxi River)', 312, 300],
      ['coastal', '沿海诸河及海岛 Coastal rivers and islands', 288, 144],
    ]);
  });

  it('lists rows per day in station order, with a total per day and over the range', () => {
    const range = { from: DAY.from, to: DAY.to + DAY_MS };
    const arrivals = [...reportsEvery(river, 'cellular', range), ...reportsEvery(tide, 'cellular', DAY)];
    const report = reportOf({ stations: [river, tide], arrivals, groupBy: 'station', range });
    expect(report.rows.map((row) => [row.day, row.key, row.received])).toEqual([
      ['2023-09-21', river.id, 288],
      ['2023-09-21', tide.id, 288],
      ['2023-09-22', river.id, 288],
      ['2023-09-22', tide.id, 0],
    ]);
    expect(report.bucketTotals.map((row) => [row.day, row.expected, row.received])).toEqual([
      ['2023-09-21', 576, 576],
      ['2023-09-22', 576, 288],
    ]);
    expect(numbers(report.total)).toEqual(['total', 1152, 864, 0]);
  });

  it('reports the whole range as one row per station when asked', () => {
    const range = { from: DAY.from, to: DAY.to + DAY_MS };
    const arrivals = reportsEvery(hourlyRain, 'cellular', range, between('08:00:00', '09:00:00'));
    const report = reportOf({ stations: [hourlyRain], arrivals, groupBy: 'station', range, every: 'range' });
    expect(report.rows.map((row) => [row.day, row.from, row.to, row.expected, row.received])).toEqual([
      [undefined, range.from, range.to, 48, 47],
    ]);
  });

  it('gives no rate when the whole period was under maintenance', () => {
    const calendar = calendarWith([tide], { stationId: tide.id, from: DAY.from, until: DAY.to });
    const row = reportOf({ stations: [tide], arrivals: reportsEvery(tide, 'cellular', DAY), groupBy: 'station', calendar }).rows[0]!;
    expect([row.expected, row.received, row.rate, row.maintenanceMinutes]).toEqual([0, 0, null, 1440]);
  });

  it('caps received at expected and says how many the cap left out', () => {
    const report = arrivalReport({
      stations: [tide, hourlyRain],
      range: DAY,
      every: DAY_MS,
      groupBy: 'district',
      counts: [
        { stationId: tide.id, channel: 'any', time: DAY.from, count: 290 },
        { stationId: hourlyRain.id, channel: 'any', time: DAY.from, count: 20 },
        { stationId: hourlyRain.id, channel: 'cellular', time: DAY.from, count: 24 },
      ],
      maintenanceCounts: [],
      maintenanceIntervals: [],
    });
    expect(report.rows.map((row) => [row.key, row.expected, row.received, row.excess])).toEqual([
      ['dongtou', 288, 288, 2],
      ['yongjia', 24, 20, 0],
    ]);
    expect(report.total.received).toBe(308);
  });
});
