import { describe, expect, it, jest } from '@jest/globals';
import { type Log, StoreUnavailableError } from '@hydro/ingestion';
import { MemoryEventLog } from '@hydro/ingestion/store/memory-event-log';
import { EventLogReadiness } from './event-log-readiness';

const NO_WAIT = { initialMs: 1, maxMs: 1 };

function recordingLog(): Log & { warn: jest.Mock<Log['warn']> } {
  return { log: jest.fn(), warn: jest.fn<Log['warn']>(), error: jest.fn() };
}

/** An event log whose store answers only after failing `failuresLeft` attempts to prepare it. */
class SlowToPrepare extends MemoryEventLog {
  attempts = 0;
  private readonly watchers: Array<{ readonly attempts: number; readonly reached: () => void }> = [];

  constructor(private failuresLeft: number) {
    super();
  }

  /** Settles once `prepare` has been attempted this many times. */
  attempted(attempts: number): Promise<void> {
    return new Promise((reached) => this.watchers.push({ attempts, reached }));
  }

  override async prepare(): Promise<void> {
    this.attempts += 1;
    for (const watcher of this.watchers) if (watcher.attempts <= this.attempts) watcher.reached();
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1;
      throw new StoreUnavailableError('ECONNREFUSED 127.0.0.1:8086');
    }
    return super.prepare();
  }
}

describe('EventLogReadiness', () => {
  it('is ready once the event log is prepared, at the first attempt when the store answers', async () => {
    const log = new SlowToPrepare(0);
    const recorded = recordingLog();
    await new EventLogReadiness(log, recorded, NO_WAIT).ready;
    expect(log.attempts).toBe(1);
    expect(log.lastSeq('alerts')).toBe(0);
    expect(recorded.warn).not.toHaveBeenCalled();
  });

  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
  ])('retries through %d failures, warning %d times rather than at every attempt', async (failures, warnings) => {
    const log = new SlowToPrepare(failures);
    const recorded = recordingLog();
    await new EventLogReadiness(log, recorded, NO_WAIT).ready;
    expect(log.attempts).toBe(failures + 1);
    expect(recorded.warn).toHaveBeenCalledTimes(warnings);
    expect(recorded.warn.mock.calls[0]?.[0]).toBe('event log not ready, retrying: ECONNREFUSED 127.0.0.1:8086');
  });

  it('is not ready while the store is down', async () => {
    const log = new SlowToPrepare(Number.POSITIVE_INFINITY);
    const readiness = new EventLogReadiness(log, recordingLog(), NO_WAIT);
    let ready = false;
    readiness.ready.then(() => (ready = true), () => undefined);
    await log.attempted(5);
    expect(ready).toBe(false);
    readiness.stop();
    await expect(readiness.ready).rejects.toBeInstanceOf(StoreUnavailableError);
  });

  it('once stopped, gives up at the next failure and rejects with it', async () => {
    const log = new SlowToPrepare(Number.POSITIVE_INFINITY);
    const readiness = new EventLogReadiness(log, recordingLog(), NO_WAIT);
    readiness.stop();
    await expect(readiness.ready).rejects.toThrow('ECONNREFUSED 127.0.0.1:8086');
    expect(log.attempts).toBe(1);
  });

  it('does not leave an unhandled rejection when nobody awaits it', async () => {
    const unhandled = jest.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const readiness = new EventLogReadiness(new SlowToPrepare(Number.POSITIVE_INFINITY), recordingLog(), NO_WAIT);
      readiness.stop();
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
