import {
  type ArrivalCount,
  type ArrivalGrouping,
  type ArrivalReport,
  arrivalReport,
  arrivalReportCsv,
  parseTimeRange,
  planArrivalQueries,
  type StationRegistry,
} from '@hydro/domain';
import type { ReadingStore } from '@hydro/ingestion';
import { Controller, Get, Headers, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { listParam } from '../http/list-param';
import { MaintenanceDesk } from '../maintenance/maintenance-desk';
import { READING_STORE, STATION_REGISTRY } from '../storage/storage.tokens';

const DAY_MS = 86_400_000;
/** A year and a day: the longest report the bureau files (annual), with room for the boundary day. */
const MAX_RANGE_MS = 367 * DAY_MS;
const GROUPINGS: readonly ArrivalGrouping[] = ['district', 'basin', 'station', 'channel'];

/**
 * 到报率 (arrival rate) for any range: per hydrological day (`every=day`, the default) or over the
 * whole range (`every=range`), grouped by district, basin, station or channel. JSON, or CSV with
 * `Accept: text/csv` for the monthly report.
 */
@Controller('api/reports')
export class ArrivalReportsController {
  constructor(
    @Inject(STATION_REGISTRY) private readonly registry: StationRegistry,
    @Inject(READING_STORE) private readonly store: ReadingStore,
    private readonly maintenance: MaintenanceDesk,
  ) {}

  @Get('arrival')
  async arrival(
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @Query('groupBy') groupByText: string | undefined,
    @Query('every') everyText: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ArrivalReport | string> {
    const range = parseTimeRange({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }, { maxLength: MAX_RANGE_MS });
    const groupBy = listParam('groupBy', groupByText, GROUPINGS)?.[0] ?? 'district';
    const every = (listParam('every', everyText, ['day', 'range'] as const)?.[0] ?? 'day') === 'day' ? DAY_MS : 'range';
    await this.maintenance.ready;
    const stations = this.registry.all();
    const plan = planArrivalQueries({ stations, range, groupBy, maintenance: this.maintenance.current });
    // Day buckets from the store whatever `every` is: distinct counts per day add up over the range.
    const counts = await this.store.arrivalCounts({ ...range, every: DAY_MS });
    const maintenanceCounts: ArrivalCount[] = [];
    for (const interval of plan.maintenanceIntervals) {
      const inside = await this.store.arrivalCounts({ from: interval.from, to: interval.to, every: DAY_MS, stationIds: [interval.stationId] });
      maintenanceCounts.push(...inside.filter((c) => c.channel === interval.channel));
    }
    const report = arrivalReport({ stations, range, every, counts, maintenanceCounts, maintenanceIntervals: plan.maintenanceIntervals, groupBy });
    if (accept?.includes('text/csv') === true) {
      response.setHeader('Content-Type', 'text/csv; charset=utf-8');
      response.setHeader('Content-Disposition', `attachment; filename="arrival-${groupBy}.csv"`);
      return arrivalReportCsv(report);
    }
    return report;
  }
}
