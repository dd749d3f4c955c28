import {
  AccessModule,
  AlertsModule,
  ConfigModule,
  EventLogModule,
  HealthModule,
  IngestionModule,
  MaintenanceModule,
  MetricsModule,
  NotificationsModule,
  RulesModule,
  SimulationModule,
  StationsModule,
} from '@hydro/server';
import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';

/**
 * The all-in-one monitoring centre: ingestion, station health, maintenance windows, the alert desk
 * and the HTTP API behind bearer tokens, so a single process can run a county bureau.
 */
@Module({
  imports: [
    ConfigModule,
    MetricsModule,
    ScheduleModule.forRoot(),
    EventLogModule,
    AccessModule,
    IngestionModule,
    MaintenanceModule,
    AlertsModule,
    NotificationsModule,
    RulesModule,
    StationsModule,
    HealthModule,
    SimulationModule,
  ],
})
export class CentreModule {}
