import { ConfigModule, HealthModule, IngestionModule, MetricsModule } from '@hydro/server';
import { Module } from '@nestjs/common';

/** MQTT → InfluxDB only: scale it out with more replicas sharing one subscription group. */
@Module({ imports: [ConfigModule, MetricsModule, IngestionModule, HealthModule] })
export class IngestorModule {}
