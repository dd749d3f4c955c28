import { ConfigModule, HealthModule, IngestionModule, MetricsModule, SimulationModule } from '@hydro/server';
import { Module } from '@nestjs/common';

/**
 * The all-in-one monitoring centre: ingestion today; flood rules, station health
 * and the HTTP API join it as they land, so a single process can run a county bureau.
 */
@Module({ imports: [ConfigModule, MetricsModule, IngestionModule, HealthModule, SimulationModule] })
export class CentreModule {}
