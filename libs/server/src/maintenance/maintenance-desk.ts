import {
  MaintenanceCalendar,
  MaintenanceError,
  type MaintenanceEvent,
  type MaintenanceEndTarget,
  type MaintenanceWindow,
  type OpenMaintenanceRequest,
  parseMaintenanceEvent,
  type StationRegistry,
} from '@hydro/domain';
import type { EventLog, Log } from '@hydro/ingestion';
import type { EventLogReadiness } from '../storage/event-log-readiness';

/**
 * Maintenance windows, event-sourced in the `maintenance` stream. Changes run one at a time
 * (decide, append, apply), so two overlapping requests cannot both pass the overlap check.
 * Until the stream has been read, nothing is under maintenance.
 */
export class MaintenanceDesk {
  private calendar: MaintenanceCalendar;
  private queue: Promise<unknown> = Promise.resolve();
  readonly ready: Promise<void>;

  constructor(
    private readonly eventLog: EventLog,
    readiness: EventLogReadiness,
    private readonly stations: StationRegistry,
    private readonly log: Log,
  ) {
    this.calendar = new MaintenanceCalendar(stations);
    this.ready = readiness.ready.then(async () => {
      const events = await eventLog.read('maintenance');
      this.calendar = MaintenanceCalendar.fold(events.map((e) => parseMaintenanceEvent(e.body)), stations);
      this.log.log(`${this.calendar.windows().length} maintenance windows loaded`, 'Maintenance');
    });
  }

  isUnderMaintenance(stationId: string, channel: Parameters<MaintenanceCalendar['isUnderMaintenance']>[1], at: number): boolean {
    return this.calendar.isUnderMaintenance(stationId, channel, at);
  }

  get current(): MaintenanceCalendar {
    return this.calendar;
  }

  open(request: OpenMaintenanceRequest, now: number): Promise<MaintenanceWindow> {
    return this.serially(async () => {
      const event = this.calendar.open(request, now);
      if (event instanceof MaintenanceError) throw event;
      await this.append(event);
      return this.calendar.get(event.window.id) as MaintenanceWindow;
    });
  }

  end(target: MaintenanceEndTarget, actor: string, reason: string | undefined, now: number): Promise<MaintenanceWindow> {
    return this.serially(async () => {
      const event = this.calendar.end(target, actor, reason, now);
      if (event instanceof MaintenanceError) throw event;
      await this.append(event);
      return this.calendar.get(event.windowId) as MaintenanceWindow;
    });
  }

  private async append(event: MaintenanceEvent): Promise<void> {
    await this.eventLog.append('maintenance', [{ at: event.at, body: event }]);
    this.calendar.apply(event);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      await this.ready;
      return work();
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
