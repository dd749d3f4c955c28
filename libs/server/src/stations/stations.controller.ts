import {
  type Alert,
  BASIN_CODES,
  CHANNELS,
  DISTRICT_CODES,
  ELEMENT_UNITS,
  ELEMENTS,
  HEALTH_STATUSES,
  type MaintenanceWindow,
  parseTimeRange,
  type Station,
  type StationHealthSnapshot,
  STATION_KINDS,
  type StationRegistry,
} from '@hydro/domain';
import { type ReadingStore, type SeriesPoint, systemClock } from '@hydro/ingestion';
import { BadRequestException, Controller, Get, Inject, NotFoundException, Param, Query, ServiceUnavailableException } from '@nestjs/common';
import { AlertDesk } from '../alerts/alert-desk';
import { durationParam } from '../http/duration-param';
import { booleanParam, listParam } from '../http/list-param';
import { MaintenanceDesk } from '../maintenance/maintenance-desk';
import { READING_STORE, STATION_REGISTRY } from '../storage/storage.tokens';
import { listStations, STATION_SORTS, type StationListItem } from './station-listing';
import { StationWatch } from './station-watch';

const DAY_MS = 86_400_000;
/** Raw series are for looking closely; longer ranges need `every`. */
const MAX_RAW_RANGE_MS = 31 * DAY_MS;
const MAX_SERIES_RANGE_MS = 366 * DAY_MS;
/** At most this many buckets in one answer: a year of hourly means is fine, a year of minutes is not. */
const MAX_BUCKETS = 20_000;
/** How long a request waits for health to be rebuilt after a start before it is told to come back. */
const REBUILD_WAIT_MS = 10_000;

type StationQuery = Partial<Record<'status' | 'kind', string | string[]>> & Partial<Record<'district' | 'basin' | 'channel' | 'degraded' | 'q' | 'sort', string>>;

export interface StationDetail {
  readonly station: Station;
  readonly health: StationHealthSnapshot;
  readonly openAlerts: readonly Alert[];
  readonly maintenance: readonly MaintenanceWindow[];
}

/** Stations for maintainers (and everyone who reads): the list, one station, and its readings. */
@Controller('api/stations')
export class StationsController {
  constructor(
    @Inject(STATION_REGISTRY) private readonly registry: StationRegistry,
    @Inject(READING_STORE) private readonly store: ReadingStore,
    private readonly watch: StationWatch,
    private readonly desk: AlertDesk,
    private readonly maintenance: MaintenanceDesk,
  ) {}

  @Get()
  async list(@Query() query: StationQuery): Promise<{ count: number; stations: StationListItem[] }> {
    await this.rebuilt();
    const now = systemClock.now();
    const snapshots = new Map((await this.watch.snapshots(now)).map((s) => [s.stationId, s]));
    const status = listParam('status', query.status, HEALTH_STATUSES);
    const kind = listParam('kind', query.kind, STATION_KINDS);
    const district = listParam('district', query.district, DISTRICT_CODES)?.[0];
    const basin = listParam('basin', query.basin, BASIN_CODES)?.[0];
    const channel = listParam('channel', query.channel, CHANNELS)?.[0];
    const degraded = booleanParam('degraded', query.degraded);
    const sort = listParam('sort', query.sort, STATION_SORTS)?.[0] ?? 'status';
    const stations = listStations(
      this.registry.all(),
      snapshots,
      {
        ...(status === undefined ? {} : { status }),
        ...(kind === undefined ? {} : { kind }),
        ...(district === undefined ? {} : { district }),
        ...(basin === undefined ? {} : { basin }),
        ...(channel === undefined ? {} : { channel }),
        ...(degraded === undefined ? {} : { degraded }),
        ...(query.q === undefined ? {} : { text: query.q }),
      },
      sort,
      now,
    );
    return { count: stations.length, stations };
  }

  @Get(':id')
  async get(@Param('id') id: string): Promise<StationDetail> {
    const station = this.station(id);
    await this.rebuilt();
    const now = systemClock.now();
    await this.desk.ready;
    return {
      station,
      health: this.watch.snapshot(id, now) as StationHealthSnapshot,
      openAlerts: this.desk.list({ state: ['active', 'acknowledged'] }).filter((a) => a.stationIds.includes(id)),
      maintenance: this.maintenance.current.windowsFor(id, { from: now - 30 * DAY_MS, to: Number.MAX_SAFE_INTEGER }),
    };
  }

  /**
   * One element's series from the store: raw, or per `every` bucket (mean, min, max, sum, count),
   * with how many readings of each point were suspect. `value` is the sum for rainfall (a total
   * over the bucket) and the mean for everything else.
   */
  @Get(':id/readings')
  async readings(@Param('id') id: string, @Query('element') element: string | undefined, @Query('from') from: string | undefined, @Query('to') to: string | undefined, @Query('every') everyText: string | undefined) {
    const station = this.station(id);
    const chosen = listParam('element', element, ELEMENTS)?.[0];
    if (chosen === undefined) throw new BadRequestException(`element is required: one of ${station.elements.join(', ')}`);
    if (!station.elements.includes(chosen)) throw new BadRequestException(`station ${id} does not measure ${chosen}; it measures ${station.elements.join(', ')}`);
    const every = durationParam('every', everyText);
    const range = parseTimeRange({ ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }, { maxLength: every === undefined ? MAX_RAW_RANGE_MS : MAX_SERIES_RANGE_MS });
    if (every !== undefined && (range.to - range.from) / every > MAX_BUCKETS) {
      throw new BadRequestException(`${Math.ceil((range.to - range.from) / every)} buckets is too many (at most ${MAX_BUCKETS}); choose a longer every or a shorter range`);
    }
    await this.maintenance.ready;
    const points = await this.store.series({ stationId: id, element: chosen, ...range, ...(every === undefined ? {} : { every }) });
    const aggregate = chosen === 'rainfall' ? 'sum' : 'mean';
    return {
      stationId: id,
      element: chosen,
      unit: ELEMENT_UNITS[chosen],
      from: range.from,
      to: range.to,
      every: every ?? null,
      aggregate,
      // Readings taken while the station was under maintenance are kept, and flagged here (a calibration run, a test tip).
      points: points.map((p: SeriesPoint) => ({
        ...p,
        value: aggregate === 'sum' ? p.sum : p.mean,
        quality: p.suspect === 0 ? 'good' : p.suspect === p.count ? 'suspect' : 'mixed',
        maintenance: this.maintenance.isUnderMaintenance(id, undefined, p.time),
      })),
    };
  }

  /** Right after a start, health is read back from the store first; until then every station would look silent. */
  private async rebuilt(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), REBUILD_WAIT_MS)));
    const outcome = await Promise.race([this.watch.ready.then(() => 'ready' as const), late]);
    clearTimeout(timer);
    if (outcome === 'late') throw new ServiceUnavailableException('station health is still being rebuilt from the store; try again shortly');
  }

  private station(id: string): Station {
    const station = this.registry.get(id);
    if (station === undefined) throw new NotFoundException(`no station ${id} in the registry; station ids are 8-digit codes such as ${this.registry.all()[0]?.id ?? '70100001'}`);
    return station;
  }
}
