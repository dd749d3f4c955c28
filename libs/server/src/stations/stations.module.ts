import { type StationRegistry } from '@hydro/domain';
import { type ReadingStore, systemClock, type TelemetryPipeline } from '@hydro/ingestion';
import { Injectable, Module } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { Gauge, type Registry } from 'prom-client';
import { AlertDesk } from '../alerts/alert-desk';
import { AlertsModule } from '../alerts/alerts.module';
import { IngestionModule } from '../ingestion/ingestion.module';
import { TELEMETRY_PIPELINE } from '../ingestion/ingestion.tokens';
import { nestLog } from '../logging/nest-log';
import { MaintenanceDesk } from '../maintenance/maintenance-desk';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { METRICS_REGISTRY } from '../metrics/metrics.tokens';
import { READING_STORE, STATION_REGISTRY } from '../storage/storage.tokens';
import { ArrivalReportsController } from './arrival-reports.controller';
import { StationWatch } from './station-watch';
import { StationsController } from './stations.controller';

/** How often station health is assessed for equipment alerts and gauges. */
export const HEALTH_SWEEP_MS = 30_000;
/** How often time alone is given to the alert desk (re-notification). */
export const ALERT_TICK_MS = 10_000;

/** What time alone changes: station health sweeps and the alert desk's tick. */
@Injectable()
export class StationClockwork {
  private readonly log = nestLog('StationWatch');

  constructor(
    private readonly watch: StationWatch,
    private readonly desk: AlertDesk,
  ) {}

  /** The sweep is spread over turns of the event loop and finishes later; a failure is logged, the next sweep tries again. */
  @Interval(HEALTH_SWEEP_MS)
  sweep(): void {
    this.watch.sweep(systemClock.now()).catch((error: unknown) => this.log.error(`the health sweep failed: ${(error as Error).message}`, 'StationWatch'));
  }

  @Interval(ALERT_TICK_MS)
  tick(): void {
    this.desk.tick(systemClock.now());
  }
}

/** Station health for maintainers: the station list and detail, readings, arrival-rate reports, gauges. */
@Module({
  imports: [IngestionModule, AlertsModule, MaintenanceModule],
  controllers: [StationsController, ArrivalReportsController],
  providers: [
    {
      provide: StationWatch,
      inject: [STATION_REGISTRY, READING_STORE, MaintenanceDesk, AlertDesk, TELEMETRY_PIPELINE, METRICS_REGISTRY],
      useFactory: (registry: StationRegistry, store: ReadingStore, maintenance: MaintenanceDesk, desk: AlertDesk, pipeline: TelemetryPipeline, metrics: Registry) => {
        const watch = new StationWatch(registry, store, maintenance, desk, nestLog('StationWatch'), systemClock.now(), pipeline.storePreparedOnce);
        // Registered before the pipeline starts, so the spool's replay at start reaches it too.
        pipeline.onAccepted(watch.accept);
        registerHealthGauges(metrics, watch);
        return watch;
      },
    },
    StationClockwork,
  ],
})
export class StationsModule {}

function registerHealthGauges(registry: Registry, watch: StationWatch): void {
  const registers = [registry];
  new Gauge({
    name: 'hydro_stations',
    help: 'Stations by health status (latest sweep)',
    labelNames: ['status'],
    registers,
    collect() {
      for (const [status, count] of Object.entries(watch.latest(systemClock.now()).counts.stations)) this.set({ status }, count);
    },
  });
  new Gauge({
    name: 'hydro_channels',
    help: 'Station channels by health status (latest sweep)',
    labelNames: ['channel', 'status'],
    registers,
    collect() {
      for (const [channel, counts] of Object.entries(watch.latest(systemClock.now()).counts.channels)) {
        for (const [status, count] of Object.entries(counts)) this.set({ channel, status }, count);
      }
    },
  });
}
