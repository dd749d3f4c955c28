import type { StationRegistry } from '@hydro/domain';
import { type EventLog, loadStationRegistry, type ReadingStore } from '@hydro/ingestion';
import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Environment } from '../config/environment.dto';
import { ENVIRONMENT } from '../config/environment.token';
import { nestLog } from '../logging/nest-log';
import { EventLogReadiness } from './event-log-readiness';
import { eventLogFor } from './event-log-for';
import { readingStoreFor } from './reading-store-for';
import { EVENT_LOG, READING_STORE, STATION_REGISTRY } from './storage.tokens';

const log = nestLog('Storage');

/**
 * What every service shares: the station registry and the reading store (InfluxDB, or SQLite in
 * DATA_DIR). The ingestion pipeline closes the reading store after its last write.
 */
@Global()
@Module({
  providers: [
    { provide: STATION_REGISTRY, inject: [ENVIRONMENT], useFactory: (env: Environment): StationRegistry => loadStationRegistry(env.STATIONS_FILE) },
    {
      provide: READING_STORE,
      inject: [ENVIRONMENT],
      useFactory: (env: Environment): ReadingStore => {
        const { store, description } = readingStoreFor(env);
        // One of the first lines an operator reads: where telemetry goes.
        log.log(`store: ${description}`, 'Ingestion');
        return store;
      },
    },
  ],
  exports: [STATION_REGISTRY, READING_STORE],
})
export class StorageModule {}

/**
 * The event log (alert transitions, maintenance, audit, tokens) beside the reading store, for the
 * centre; the ingestor has no use for it. Prepared in the background; closed after every feature stopped.
 */
@Global()
@Module({
  providers: [
    { provide: EVENT_LOG, inject: [ENVIRONMENT], useFactory: (env: Environment): EventLog => eventLogFor(env) },
    { provide: EventLogReadiness, inject: [EVENT_LOG], useFactory: (eventLog: EventLog) => new EventLogReadiness(eventLog, log) },
  ],
  exports: [EVENT_LOG, EventLogReadiness],
})
export class EventLogModule implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_LOG) private readonly eventLog: EventLog,
    private readonly readiness: EventLogReadiness,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    this.readiness.stop();
    await this.eventLog.close();
  }
}
