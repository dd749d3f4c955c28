import type { Arrival, Channel, Clock, DeadLetter, DeadLetterReason, Reading, TelemetryOutcome } from '@hydro/domain';
import type { IngestionMetrics } from '../ingestion-metrics';
import { encodeJournalEntry } from '../intake/journal-entry';
import { makeTempDir, removeDir } from '../journal/__fixtures__/temp-dir';
import { Journal } from '../journal/journal';
import type { Log } from '../log';
import { MemoryReadingStore } from '../store/memory-reading-store';
import { StoreUnavailableError, type TelemetryBatch } from '../store/reading-store';
import { SERIAL_STRIDE } from './drain-batch';
import { CHECKPOINT_EVERY_MS, type DrainOptions, StoreDrain } from './store-drain';

const T0 = Date.parse('2023-09-21T02:00:00Z');
const FIVE_MINUTES = 300_000;
const STATION = '70100001';

const reading = (n: number, overrides: Partial<Reading> = {}): Reading => ({
  stationId: STATION,
  element: 'water_level',
  observedAt: T0 + n * FIVE_MINUTES,
  value: 3 + n / 100,
  quality: 'good',
  ...overrides,
});
const arrival = (n: number, channel: Channel = 'cellular'): Arrival => ({
  stationId: STATION,
  channel,
  observedAt: T0 + n * FIVE_MINUTES,
  receivedAt: T0 + n * FIVE_MINUTES + (channel === 'cellular' ? 2_000 : 600_000),
  onSchedule: true,
});
const letter = (detail: string): DeadLetter => ({
  receivedAt: T0,
  topic: `hydro/v1/telemetry/${STATION}`,
  payload: '{"水位":',
  reason: 'malformed_json',
  detail,
});
/** One station report over one channel, as the intake journals it: a reading and its arrival. */
const report = (n: number, channel: Channel = 'cellular', value?: number): Partial<TelemetryOutcome> => ({
  readings: [reading(n, value === undefined ? {} : { value })],
  arrivals: [arrival(n, channel)],
});

class FakeClock implements Clock {
  constructor(private time: number) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

class RecordingLog implements Log {
  readonly lines: Array<{ level: 'log' | 'warn' | 'error'; message: string }> = [];
  log(message: string): void {
    this.lines.push({ level: 'log', message });
  }
  warn(message: string): void {
    this.lines.push({ level: 'warn', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  messages(level: 'log' | 'warn' | 'error'): string[] {
    return this.lines.filter((line) => line.level === level).map((line) => line.message);
  }
}

class RecordingMetrics implements IngestionMetrics {
  readonly written: number[] = [];
  readonly failures: Array<'unavailable' | 'rejected'> = [];
  duplicates = 0;
  corrections = 0;
  messageReceived(): void {
    throw new Error('the drain receives no messages');
  }
  readingsAccepted(): void {
    throw new Error('the drain accepts no messages');
  }
  deadLettered(_reason: DeadLetterReason): void {
    throw new Error('the drain counts no intake dead letters');
  }
  batchWritten(readings: number): void {
    this.written.push(readings);
  }
  writeFailed(kind: 'unavailable' | 'rejected'): void {
    this.failures.push(kind);
  }
  duplicateSkipped(count: number): void {
    this.duplicates += count;
  }
  correctionWritten(count: number): void {
    this.corrections += count;
  }
}

/** Polls until `done` holds; fails naming `what` if it does not within a generous time (below Jest's 5 s test timeout). */
async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('StoreDrain', () => {
  let dir: string;
  let journal: Journal;
  let store: MemoryReadingStore;
  let clock: FakeClock;
  let log: RecordingLog;
  let metrics: RecordingMetrics;
  let drains: StoreDrain[];
  let journals: Journal[];

  const options = (overrides: Partial<DrainOptions> = {}): DrainOptions => ({
    batchSize: 1000,
    flushIntervalMs: 1,
    retry: { initialMs: 1, maxMs: 5 },
    recentPoints: 1000,
    ...overrides,
  });
  const newDrain = (overrides: Partial<DrainOptions> = {}, on: Journal = journal): StoreDrain => {
    const drain = new StoreDrain(on, store, options(overrides), clock, log, metrics);
    drains.push(drain);
    return drain;
  };
  const append = async (...outcomes: Array<Partial<TelemetryOutcome>>): Promise<void> => {
    for (const outcome of outcomes) await journal.append(encodeJournalEntry({ readings: [], arrivals: [], deadLetters: [], ...outcome }));
  };
  const reopen = async (): Promise<Journal> => {
    await journal.close();
    journal = await Journal.open(dir);
    journals.push(journal);
    return journal;
  };
  const drained = (target: Journal = journal) => waitFor(`the checkpoint reaches seq ${target.lastSeq}`, () => target.checkpointSeq === target.lastSeq);
  const writtenReadings = () => store.confirmedWrites.flatMap((batch) => batch.readings);
  const storeRejected = () => store.deadLetters({ reason: 'store_rejected' });

  beforeEach(async () => {
    dir = await makeTempDir('drain-');
    journal = await Journal.open(dir);
    journals = [journal];
    store = new MemoryReadingStore();
    await store.prepare();
    clock = new FakeClock(T0 + 3_600_000);
    log = new RecordingLog();
    metrics = new RecordingMetrics();
    drains = [];
  });

  afterEach(async () => {
    await store.close();
    for (const drain of drains) await drain.stop(0).catch(() => undefined);
    for (const each of journals) await each.close();
    await removeDir(dir);
  });

  it('writes every entry to the store in journal order, in several batches, and checkpoints the last', async () => {
    await append(...Array.from({ length: 12 }, (_, n) => report(n)));
    const drain = newDrain({ batchSize: 4 });
    drain.start();
    await drained();

    expect(writtenReadings()).toEqual(Array.from({ length: 12 }, (_, n) => reading(n)));
    expect(store.confirmedWrites.length).toBeGreaterThan(1);
    expect(await store.countReadings({})).toBe(12);
    expect(await store.arrivals({})).toEqual(Array.from({ length: 12 }, (_, n) => arrival(n)));
    expect(metrics.written.reduce((sum, n) => sum + n, 0)).toBe(12);
    expect(drain.backlog).toBe(0);
  });

  it('wakes from idling when notified of an append that fills a batch', async () => {
    // An idle drain sleeps ten flush intervals (ten minutes here): only notify() can get it going in time.
    const drain = newDrain({ flushIntervalMs: 60_000, batchSize: 2 });
    drain.start();
    await append(report(1));
    drain.notify();
    await drained();
    await append(report(2));
    drain.notify();
    await drained();
    expect(writtenReadings()).toEqual([reading(1), reading(2)]);
  });

  it('advances the checkpoint only after the store confirmed the write', async () => {
    await append(report(1), report(2), report(3));
    const release = store.holdWrites();
    const drain = newDrain();
    drain.start();
    await waitFor('the drain has sent a write', () => store.writeAttempts > 0);
    await new Promise((resolve) => setTimeout(resolve, 10));

    expect(journal.checkpointSeq).toBe(0);
    expect(drain.backlog).toBe(3);
    release();
    await drained();
    expect(journal.checkpointSeq).toBe(3);
    expect(await store.countReadings({})).toBe(3);
  });

  it('keeps retrying while the store is unavailable, then writes every point exactly once', async () => {
    await append(report(1), report(2));
    store.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('connect ECONNREFUSED 127.0.0.1:8086'));
    const drain = newDrain();
    drain.start();
    await waitFor('a few writes have failed', () => store.writeAttempts >= 3);
    await append(report(3));
    drain.notify();

    expect(drain.storeWritable).toBe(false);
    expect(journal.checkpointSeq).toBe(0);
    expect(log.messages('warn')[0]).toContain('ECONNREFUSED');
    store.clearFailures();
    await drained();

    const written = writtenReadings();
    expect(new Set(written.map((r) => r.observedAt)).size).toBe(written.length);
    expect(await store.readings({})).toEqual([reading(1), reading(2), reading(3)]);
    expect(drain.storeWritable).toBe(true);
    expect(metrics.failures.length).toBeGreaterThanOrEqual(2);
    expect(new Set(metrics.failures)).toEqual(new Set(['unavailable']));
    expect(log.messages('log').some((m) => m.includes('accepts writes again'))).toBe(true);
  });

  it.each([
    [undefined, [24]],
    [24, [24]],
    [23, [23, 1]],
    [10, [10, 10, 4]],
  ])('with pointsPerWrite %s, writes a batch of 24 points in parts of %j, in order, and checkpoints once all are stored', async (perWrite, sizes) => {
    store = new MemoryReadingStore(perWrite);
    await store.prepare();
    await append(...Array.from({ length: 12 }, (_, n) => report(n)));
    const drain = newDrain({ batchSize: 1000 });
    drain.start();
    await drained();

    expect(store.confirmedWrites.map((w) => w.readings.length + w.arrivals.length + w.deadLetters.length)).toEqual(sizes);
    expect(writtenReadings()).toEqual(Array.from({ length: 12 }, (_, n) => reading(n)));
    expect(store.confirmedWrites.flatMap((w) => w.arrivals)).toEqual(Array.from({ length: 12 }, (_, n) => arrival(n)));
    expect(journal.checkpointSeq).toBe(12);
  });

  it('leaves the checkpoint until the last part of a batch is stored', async () => {
    /** Stores the first part, then is down until told otherwise. */
    class DownAfterFirstPart extends MemoryReadingStore {
      override async write(batch: TelemetryBatch): Promise<void> {
        await super.write(batch);
        if (this.confirmedWrites.length === 1) this.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('disk I/O error'));
      }
    }
    store = new DownAfterFirstPart(4);
    await store.prepare();
    await append(report(1), report(2), report(3));
    const drain = newDrain();
    drain.start();
    await waitFor('the second part has been tried twice', () => store.writeAttempts >= 3);
    expect(store.confirmedWrites).toHaveLength(1);
    expect(journal.checkpointSeq).toBe(0);
    expect(drain.backlog).toBe(3);

    store.clearFailures();
    await drained();
    expect(store.confirmedWrites.map((w) => w.readings.length + w.arrivals.length)).toEqual([4, 2]);
    expect(journal.checkpointSeq).toBe(3);
  });

  it.each([
    [0, [2, 12]],
    [CHECKPOINT_EVERY_MS - 1, [2, 6, 10, 12]],
    [CHECKPOINT_EVERY_MS, [2, 4, 6, 8, 10, 12]],
  ])('with %d ms passing per store write, moves the journal checkpoint to %j: at most once a second while data flows, and when idle', async (msPerWrite, checkpoints) => {
    /** Each write takes `msPerWrite` of the clock. */
    class TimedStore extends MemoryReadingStore {
      override async write(batch: TelemetryBatch): Promise<void> {
        await super.write(batch);
        clock.advance(msPerWrite);
      }
    }
    store = new TimedStore();
    await store.prepare();
    await append(...Array.from({ length: 12 }, (_, n) => report(n)));
    const moved: number[] = [];
    const checkpoint = journal.checkpoint.bind(journal);
    jest.spyOn(journal, 'checkpoint').mockImplementation((seq) => {
      moved.push(seq);
      return checkpoint(seq);
    });
    newDrain({ batchSize: 4 }).start();
    await drained();
    expect(moved).toEqual(checkpoints);
    expect(store.confirmedWrites).toHaveLength(6);
  });

  it('gives the event loop a turn between two parts of a batch', async () => {
    store = new MemoryReadingStore(2);
    await store.prepare();
    await append(report(1), report(2), report(3));
    const writesSeenByOtherWork: number[] = [];
    let watching = true;
    const watch = (): void => {
      writesSeenByOtherWork.push(store.confirmedWrites.length);
      if (watching) setImmediate(watch);
    };
    setImmediate(watch);
    newDrain().start();
    await drained();
    watching = false;
    // Other work ran after the first part and again after the second, before the drain finished.
    expect(writesSeenByOtherWork).toEqual(expect.arrayContaining([1, 2]));
    expect(store.confirmedWrites).toHaveLength(3);
  });

  it('turns a point refused in one part of a batch into a dead letter and stores the other parts', async () => {
    store = new MemoryReadingStore(3);
    await store.prepare();
    store.refuseWhen((p) => p.kind === 'reading' && p.point.value === 666, 'value out of range');
    await append(...[1, 2, 3, 4, 5, 6].map((n) => report(n, 'cellular', n === 4 ? 666 : undefined)));
    newDrain().start();
    await drained();

    expect((await store.readings({})).map((r) => r.value)).toEqual([1, 2, 3, 5, 6].map((n) => reading(n).value));
    expect(await store.arrivals({})).toHaveLength(6);
    expect((await storeRejected()).map((d) => (JSON.parse(d.payload) as Reading).value)).toEqual([666]);
  });

  it('turns only the refused point into a store_rejected dead letter and stores every other point', async () => {
    store.refuseWhen((p) => p.kind === 'reading' && p.point.value === 666, 'partial write: field type conflict');
    await append(...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => report(n, 'cellular', n === 5 ? 666 : undefined)));
    newDrain().start();
    await drained();

    expect((await store.readings({})).map((r) => r.value)).toEqual([1, 2, 3, 4, 6, 7, 8].map((n) => reading(n).value));
    expect(await store.arrivals({})).toHaveLength(8);
    const [rejected, ...others] = await storeRejected();
    expect(others).toEqual([]);
    expect(rejected).toMatchObject({
      reason: 'store_rejected',
      topic: `hydro/v1/telemetry/${STATION}`,
      receivedAt: clock.now(),
      detail: 'the store refused this point: partial write: field type conflict',
    });
    expect(JSON.parse(rejected?.payload ?? '')).toEqual(reading(5, { value: 666 }));
    expect(metrics.failures).toEqual(['rejected']);
    expect(log.messages('error')).toHaveLength(1);
  });

  it('keeps a dead letter for each of several refused points in one batch', async () => {
    store.refuseWhen((p) => p.kind === 'reading' && p.point.value < 0, 'points beyond retention policy');
    await append(report(1), report(2, 'cellular', -1), report(3), report(4, 'cellular', -2), report(5, 'cellular', -3));
    newDrain().start();
    await drained();

    expect((await store.readings({})).map((r) => r.observedAt)).toEqual([reading(1).observedAt, reading(3).observedAt]);
    const kept = (await storeRejected()).map((d) => (JSON.parse(d.payload) as Reading).value);
    expect(kept.sort((a, b) => a - b)).toEqual([-3, -2, -1]);
  });

  it('carries on writing when the store goes down while a refused batch is being split', async () => {
    let outageScripted = false;
    store.refuseWhen((p) => {
      const refused = p.kind === 'reading' && p.point.value === 666;
      if (refused && !outageScripted) {
        // The store restarts right after refusing the batch: the first half of the split fails too.
        outageScripted = true;
        store.failNext(1, new StoreUnavailableError('socket hang up'));
      }
      return refused;
    }, 'field type conflict');
    await append(report(1), report(2), report(3, 'cellular', 666), report(4));
    newDrain().start();
    await drained();

    expect(await store.countReadings({})).toBe(3);
    expect(await storeRejected()).toHaveLength(1);
  });

  it('logs a refused journal dead letter and moves on instead of retrying it forever', async () => {
    store.refuseWhen((p) => p.kind === 'deadLetter', 'line protocol: tag value ends in a backslash');
    await append(report(1), { deadLetters: [letter('odd')] }, report(3));
    newDrain().start();
    await drained();

    expect(await store.countReadings({})).toBe(2);
    expect(await store.countDeadLetters({})).toBe(0);
    expect(log.messages('error').some((m) => m.includes('refused a dead letter') && m.includes('odd'))).toBe(true);
  });

  it('stores journal dead letters under their stable serials', async () => {
    await append(report(1), { deadLetters: [letter('a'), letter('b')] });
    newDrain().start();
    await drained();
    expect((await store.deadLetters({})).map((d) => [d.detail, d.serial])).toEqual([
      ['a', 2 * SERIAL_STRIDE],
      ['b', 2 * SERIAL_STRIDE + 1],
    ]);
  });

  it('writes a reading that came over both channels in one batch once, and counts the copy', async () => {
    await append(report(1, 'cellular'), report(1, 'beidou'));
    newDrain().start();
    await drained();

    expect(writtenReadings()).toEqual([reading(1)]);
    expect(await store.arrivals({})).toEqual([arrival(1, 'beidou'), arrival(1, 'cellular')]);
    expect(metrics.duplicates).toBe(1);
    expect(metrics.corrections).toBe(0);
  });

  it('skips the late copy from the other channel when the first was already written', async () => {
    const drain = newDrain();
    drain.start();
    await append(report(1, 'cellular'));
    drain.notify();
    await drained();
    await append(report(1, 'beidou'));
    drain.notify();
    await drained();

    expect(writtenReadings()).toEqual([reading(1)]);
    expect(await store.arrivals({})).toHaveLength(2);
    expect(metrics.duplicates).toBe(1);
  });

  it('writes a corrected value over the earlier one and logs the correction', async () => {
    const drain = newDrain();
    drain.start();
    await append(report(1, 'cellular', 3.42));
    drain.notify();
    await drained();
    await append(report(1, 'beidou', 3.5));
    drain.notify();
    await drained();

    expect(await store.readings({})).toEqual([reading(1, { value: 3.5 })]);
    expect(metrics.corrections).toBe(1);
    const line = log.messages('log').find((m) => m.includes('corrected'));
    expect(line).toContain(`${STATION} water_level @${new Date(reading(1).observedAt).toISOString()} = 3.5`);
  });

  it('keeps the last value when a batch holds a reading and its correction', async () => {
    await append(report(1, 'cellular', 1), report(1, 'beidou', 2));
    newDrain().start();
    await drained();
    expect(writtenReadings()).toEqual([reading(1, { value: 2 })]);
    expect(await store.readings({})).toEqual([reading(1, { value: 2 })]);
  });

  it('on stop writes what is left in the journal before returning', async () => {
    const drain = newDrain({ flushIntervalMs: 60_000 });
    drain.start();
    await append(report(1), report(2), report(3));

    await drain.stop(1_000);
    expect(journal.checkpointSeq).toBe(3);
    expect(await store.countReadings({})).toBe(3);
  });

  it('on stop gives up once the grace period has passed with the store down, leaving the entries in the journal', async () => {
    await append(report(1), report(2));
    store.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('503 Service Unavailable'));
    const drain = newDrain();
    drain.start();
    await waitFor('a write has failed', () => store.writeAttempts > 0);

    const stopping = drain.stop(10_000);
    clock.advance(10_000);
    await stopping;
    expect(journal.checkpointSeq).toBe(0);
    expect(await store.countReadings({})).toBe(0);

    const after = await reopen();
    expect(after.checkpointSeq).toBe(0);
    expect((await after.readAfter(0, 1 << 20)).map((r) => r.seq)).toEqual([1, 2]);
  });

  it('after a restart resumes exactly after the last entry the store confirmed', async () => {
    await append(report(1), report(2), report(3));
    const first = newDrain();
    first.start();
    await drained();
    store.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('connect ECONNREFUSED'));
    await append(report(4), report(5));
    first.notify();
    await waitFor('a write of the new entries has failed', () => store.writeAttempts > store.confirmedWrites.length);
    const stopping = first.stop(0);
    clock.advance(1);
    await stopping;
    const confirmedBefore = store.confirmedWrites.length;

    const reopened = await reopen();
    expect(reopened.checkpointSeq).toBe(3);
    store.clearFailures();
    const second = newDrain({}, reopened);
    expect(second.backlog).toBe(2);
    second.start();
    await drained(reopened);

    expect(store.confirmedWrites.slice(confirmedBefore).flatMap((b) => b.readings)).toEqual([reading(4), reading(5)]);
    expect(await store.readings({})).toEqual([1, 2, 3, 4, 5].map((n) => reading(n)));
    expect(reopened.checkpointSeq).toBe(5);
  });
});
