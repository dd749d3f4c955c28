import { Module } from '@nestjs/common';
import type { Registry } from 'prom-client';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { nestLog } from '../logging/nest-log';
import { METRICS_REGISTRY } from '../metrics/metrics.tokens';
import { buildPipeline } from './build-pipeline';
import { TELEMETRY_PIPELINE } from './ingestion.tokens';
import { PipelineLifecycle } from './pipeline-lifecycle';

/** MQTT → journal → InfluxDB, as a Nest module. */
@Module({
  providers: [
    {
      provide: TELEMETRY_PIPELINE,
      inject: [ENVIRONMENT, METRICS_REGISTRY],
      useFactory: (env: Environment, registry: Registry) => buildPipeline(env, registry, nestLog('Ingestion')),
    },
    PipelineLifecycle,
  ],
  exports: [TELEMETRY_PIPELINE],
})
export class IngestionModule {}
