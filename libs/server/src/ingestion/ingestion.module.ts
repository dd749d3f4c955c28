import type { StationRegistry } from '@hydro/domain';
import type { ReadingStore } from '@hydro/ingestion';
import { Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { nestLog } from '../logging/nest-log';
import { METRICS_REGISTRY } from '../metrics/metrics.tokens';
import { StorageModule } from '../storage/storage.module';
import { READING_STORE, STATION_REGISTRY } from '../storage/storage.tokens';
import { buildPipeline } from './build-pipeline';
import { TELEMETRY_PIPELINE } from './ingestion.tokens';
import { PipelineLifecycle } from './pipeline-lifecycle';

/** MQTT → journal → InfluxDB, as a Nest module. */
@Module({
  imports: [StorageModule],
  providers: [
    {
      provide: TELEMETRY_PIPELINE,
      inject: [ENVIRONMENT, STATION_REGISTRY, READING_STORE, METRICS_REGISTRY],
      useFactory: (env: Environment, stations: StationRegistry, store: ReadingStore, registry: Registry) =>
        buildPipeline(env, stations, store, registry, nestLog('Ingestion')),
    },
    PipelineLifecycle,
  ],
  exports: [TELEMETRY_PIPELINE],
})
export class IngestionModule {}
