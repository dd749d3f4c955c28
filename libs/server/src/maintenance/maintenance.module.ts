import type { StationRegistry } from '@hydro/domain';
import type { EventLog } from '@hydro/ingestion';
import { Module } from '@nestjs/common';
import { nestLog } from '../logging/nest-log';
import { EventLogReadiness } from '../storage/event-log-readiness';
import { EVENT_LOG, STATION_REGISTRY } from '../storage/storage.tokens';
import { MaintenanceController } from './maintenance.controller';
import { MaintenanceDesk } from './maintenance-desk';

/** Maintenance windows of stations and channels, and their API. */
@Module({
  controllers: [MaintenanceController],
  providers: [
    {
      provide: MaintenanceDesk,
      inject: [EVENT_LOG, EventLogReadiness, STATION_REGISTRY],
      useFactory: (eventLog: EventLog, readiness: EventLogReadiness, stations: StationRegistry) => new MaintenanceDesk(eventLog, readiness, stations, nestLog('Maintenance')),
    },
  ],
  exports: [MaintenanceDesk],
})
export class MaintenanceModule {}
