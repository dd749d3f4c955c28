import { backoffDelay, type EventLog, type Log } from '@hydro/ingestion';

/**
 * The event log is prepared in the background, retrying while the store is down, so that the
 * process starts (and ingests into its spool) without it; what needs history awaits `ready`.
 */
export class EventLogReadiness {
  readonly ready: Promise<void>;
  private stopped = false;

  constructor(eventLog: EventLog, log: Log, retry = { initialMs: 500, maxMs: 30_000 }) {
    this.ready = (async () => {
      for (let attempt = 0; ; attempt += 1) {
        try {
          await eventLog.prepare();
          return;
        } catch (error) {
          if (this.stopped) throw error;
          if (attempt % 10 === 0) log.warn(`event log not ready, retrying: ${(error as Error).message}`, 'Storage');
          await new Promise((resolve) => setTimeout(resolve, backoffDelay(attempt, retry)).unref());
        }
      }
    })();
    // Nobody may be waiting yet; a failure is seen by whoever awaits `ready`.
    this.ready.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
  }
}
