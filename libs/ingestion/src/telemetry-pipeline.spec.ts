import { type Clock, DEFAULT_INTERPRET_OPTIONS, parseStationRegistry, type TelemetryOutcome } from '@hydro/domain';
import { noMetrics } from './ingestion-metrics';
import { SpoolFullError } from './intake/telemetry-intake';
import { makeTempDir, removeDir } from './journal/__fixtures__/temp-dir';
import { JournalClosedError } from './journal/errors';
import { Journal } from './journal/journal';
import type { Log } from './log';
import type { TelemetrySink, TelemetrySource } from './source/telemetry-source';
import { MemoryReadingStore } from './store/memory-reading-store';
import { StoreUnavailableError } from './store/reading-store';
import { type PipelineOptions, TelemetryPipeline } from './telemetry-pipeline';

const STATION = '70500001';
const TOPIC = `hydro/v1/telemetry/${STATION}`;
const stations = parseStationRegistry(
  {
    version: 1,
    stations: [
      {
        id: STATION,
        rtuAddress: '0070500001',
        name: '岩头站',
        kind: 'rain',
        district: 'yongjia',
        basin: 'ou',
        latitude: 28.25,
        longitude: 120.7,
        reportingIntervalMinutes: 5,
        channels: ['cellular', 'beidou'],
        elements: ['rainfall', 'battery_voltage'],
        limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
      },
    ],
  },
  'test registry',
);
const NOW = Date.parse('2023-09-21T02:06:00Z');
const clock: Clock = { now: () => NOW };

/** A rain report for the five-minute slot `slot` before NOW. */
const report = (slot: number, channel: 'cellular' | 'beidou' = 'cellular', rainfall = 0.5): Buffer =>
  Buffer.from(JSON.stringify({ observedAt: NOW - slot * 300_000, channel, readings: { rainfall, battery_voltage: 12.6 } }));

/** A feed the test drives: what it publishes goes straight to the pipeline's sink. */
class FakeTelemetrySource implements TelemetrySource {
  readonly description = 'fake feed (test)';
  consuming = false;
  stops = 0;
  private sink: TelemetrySink | undefined;

  constructor(private readonly refusal?: Error) {}

  async start(sink: TelemetrySink): Promise<void> {
    if (this.refusal) throw this.refusal;
    this.sink = sink;
    this.consuming = true;
  }

  async stop(): Promise<void> {
    this.stops += 1;
    this.consuming = false;
  }

  publish(topic: string, payload: Buffer): Promise<void> {
    if (!this.sink || !this.consuming) return Promise.reject(new Error('the fake source is not consuming'));
    return this.sink.accept(topic, payload);
  }

  hasRoom(): boolean {
    if (!this.sink) throw new Error('the fake source was not started');
    return this.sink.hasRoom();
  }
}

class RecordingLog implements Log {
  readonly warnings: string[] = [];
  readonly errors: string[] = [];
  log(): void {
    // Progress lines are not what these tests look at.
  }
  warn(message: string): void {
    this.warnings.push(message);
  }
  error(message: string): void {
    this.errors.push(message);
  }
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('TelemetryPipeline', () => {
  let dir: string;
  let journal: Journal;
  let store: MemoryReadingStore;
  let source: FakeTelemetrySource;
  let log: RecordingLog;
  let pipeline: TelemetryPipeline;

  const options = (overrides: Partial<PipelineOptions> = {}): PipelineOptions => ({
    interpret: DEFAULT_INTERPRET_OPTIONS,
    drain: { batchSize: 1000, flushIntervalMs: 1, retry: { initialMs: 1, maxMs: 5 }, recentPoints: 1000 },
    resumeBelow: 0.9,
    spoolMaxBytes: 1024 * 1024,
    shutdownGraceMs: 1_000,
    ...overrides,
  });
  const build = (overrides: Partial<PipelineOptions> = {}, feed = new FakeTelemetrySource()): TelemetryPipeline => {
    source = feed;
    pipeline = new TelemetryPipeline(source, journal, store, stations, clock, options(overrides), log, noMetrics);
    return pipeline;
  };
  const storeDown = () => store.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('connect ECONNREFUSED 127.0.0.1:8086'), 'prepare');

  beforeEach(async () => {
    dir = await makeTempDir('pipeline-');
    journal = await Journal.open(dir);
    store = new MemoryReadingStore();
    log = new RecordingLog();
  });

  afterEach(async () => {
    await pipeline.stop();
    await journal.close();
    await removeDir(dir);
  });

  it('stores what the source delivers once each message is acknowledged as durable', async () => {
    build();
    await pipeline.start();
    await source.publish(TOPIC, report(1));
    await source.publish(TOPIC, report(1, 'beidou'));
    await source.publish(TOPIC, Buffer.from('{"rainfall": 零点五'));
    expect(journal.lastSeq).toBe(3);

    await waitFor('the drain has stored the spool', () => journal.checkpointSeq === 3);
    expect(await store.readings({})).toEqual([
      { stationId: STATION, element: 'battery_voltage', observedAt: NOW - 300_000, value: 12.6, quality: 'good' },
      { stationId: STATION, element: 'rainfall', observedAt: NOW - 300_000, value: 0.5, quality: 'good' },
    ]);
    expect((await store.arrivals({})).map((a) => a.channel)).toEqual(['beidou', 'cellular']);
    expect(await store.deadLetters({})).toMatchObject([{ reason: 'malformed_json', payload: '{"rainfall": 零点五', serial: 30_000 }]);
    expect(log.errors).toEqual([]);
  });

  it('accepts messages into the spool while the store cannot be prepared, and writes them once it can', async () => {
    storeDown();
    build();
    await pipeline.start();
    for (const slot of [3, 2, 1]) await source.publish(TOPIC, report(slot));

    expect(pipeline.status()).toMatchObject({ consuming: true, storePrepared: false, storeWritable: false, spoolEntries: 3 });
    expect(pipeline.status().spoolBytes).toBeGreaterThan(0);
    await waitFor('the pipeline has warned that the store is not ready', () => log.warnings.some((w) => w.includes('store not ready')));
    expect(store.confirmedWrites).toEqual([]);

    store.clearFailures();
    await waitFor('the spool is written', () => journal.checkpointSeq === 3);
    expect(await store.countReadings({ element: 'rainfall' })).toBe(3);
    expect(pipeline.status()).toEqual({
      source: 'fake feed (test)',
      consuming: true,
      storePrepared: true,
      storeWritable: true,
      spoolBytes: 0,
      spoolEntries: 0,
    });
  });

  it('reports the source, no consumption and an empty spool before it starts', () => {
    build();
    expect(pipeline.status()).toEqual({
      source: 'fake feed (test)',
      consuming: false,
      storePrepared: false,
      storeWritable: false,
      spoolBytes: 0,
      spoolEntries: 0,
    });
  });

  it('reports the store as not writable while its writes fail', async () => {
    build();
    await pipeline.start();
    await waitFor('the store is prepared', () => pipeline.status().storePrepared);
    store.failNext(Number.POSITIVE_INFINITY, new StoreUnavailableError('503 Service Unavailable'));
    await source.publish(TOPIC, report(1));

    await waitFor('the store is reported unwritable', () => !pipeline.status().storeWritable);
    expect(pipeline.status()).toMatchObject({ storePrepared: true, spoolEntries: 1 });
    store.clearFailures();
    await waitFor('the store is writable again', () => pipeline.status().storeWritable && journal.checkpointSeq === 1);
  });

  it('asks the source to pause once the spool nears its bound, and refuses messages at the bound', async () => {
    storeDown();
    build({ spoolMaxBytes: 2_000, resumeBelow: 0.5 });
    await pipeline.start();
    expect(source.hasRoom()).toBe(true);

    while (source.hasRoom()) await source.publish(TOPIC, report(journal.lastSeq + 1));
    expect(journal.pendingBytes).toBeGreaterThanOrEqual(1_000);
    expect(journal.pendingBytes).toBeLessThan(2_000);

    let refused: unknown;
    for (let i = 0; i < 20 && refused === undefined; i++) {
      await source.publish(TOPIC, report(journal.lastSeq + 1)).catch((error: unknown) => {
        refused = error;
      });
    }
    expect(refused).toBeInstanceOf(SpoolFullError);
    expect(journal.pendingBytes).toBeGreaterThanOrEqual(2_000);
  });

  it('on stop stops the source, writes what is left in the spool, and closes the journal and the store', async () => {
    // Flush interval of a minute: a thin batch lingers that long, so only the stop writes it in time.
    build({ drain: { batchSize: 1000, flushIntervalMs: 60_000, retry: { initialMs: 1, maxMs: 5 }, recentPoints: 1000 } });
    await pipeline.start();
    await waitFor('the store is prepared', () => pipeline.status().storePrepared);
    await source.publish(TOPIC, report(2));
    await source.publish(TOPIC, report(1));

    await pipeline.stop();
    expect(source.consuming).toBe(false);
    expect(store.isClosed).toBe(true);
    expect(store.confirmedWrites.flatMap((b) => b.readings)).toHaveLength(4);
    expect(log.errors).toEqual([]);
    await expect(journal.append(Buffer.from('late'))).rejects.toBeInstanceOf(JournalClosedError);

    const reopened = await Journal.open(dir);
    try {
      expect([reopened.checkpointSeq, reopened.lastSeq]).toEqual([2, 2]);
    } finally {
      await reopened.close();
    }
  });

  it('on stop leaves what the store never took in the journal for the next start, and says so', async () => {
    storeDown();
    build();
    await pipeline.start();
    await source.publish(TOPIC, report(2));
    await source.publish(TOPIC, report(1));

    await pipeline.stop();
    expect(store.isClosed).toBe(true);
    expect(log.warnings).toContain('2 journal entries not yet in the store; they are written at the next start');
    const reopened = await Journal.open(dir);
    try {
      expect([reopened.checkpointSeq, reopened.lastSeq]).toEqual([0, 2]);
    } finally {
      await reopened.close();
    }
  });

  it('stops only once, however often stop is called', async () => {
    build();
    await pipeline.start();
    await Promise.all([pipeline.stop(), pipeline.stop()]);
    await pipeline.stop();
    expect(source.stops).toBe(1);
  });

  it('rejects start when the source refuses us, and still shuts down cleanly', async () => {
    const refusal = new Error('the broker refused the subscription to hydro/v1/telemetry/+: reason code 0x87');
    build({}, new FakeTelemetrySource(refusal));
    await expect(pipeline.start()).rejects.toBe(refusal);

    await pipeline.stop();
    expect(store.isClosed).toBe(true);
    await expect(journal.append(Buffer.from('late'))).rejects.toBeInstanceOf(JournalClosedError);
  });

  it('tells listeners of each outcome once it is durable, and a failing listener costs nothing', async () => {
    build();
    const seen: Array<{ seq: number; outcome: TelemetryOutcome }> = [];
    pipeline.onAccepted(() => {
      throw new Error('listener bug');
    });
    pipeline.onAccepted((outcome) => seen.push({ seq: journal.lastSeq, outcome }));
    await pipeline.start();
    await source.publish(TOPIC, report(1));
    await source.publish(TOPIC, Buffer.from('not json'));

    expect(seen.map((s) => s.seq)).toEqual([1, 2]);
    expect(seen[0]!.outcome.readings.map((r) => r.element)).toEqual(['rainfall', 'battery_voltage']);
    expect(seen[1]!.outcome.deadLetters.map((d) => d.reason)).toEqual(['malformed_json']);
    expect(log.errors).toEqual(['a listener of accepted telemetry failed: listener bug', 'a listener of accepted telemetry failed: listener bug']);
  });

  it('at start, tells listeners what the spool holds from before a restart and the store does not have yet', async () => {
    storeDown();
    build();
    await pipeline.start();
    for (const slot of [3, 2, 1]) await source.publish(TOPIC, report(slot));
    await pipeline.stop();

    journal = await Journal.open(dir);
    store = new MemoryReadingStore();
    storeDown();
    build();
    const replayed: number[] = [];
    pipeline.onAccepted((outcome) => replayed.push(...outcome.readings.filter((r) => r.element === 'rainfall').map((r) => r.observedAt)));
    await pipeline.start();
    expect(replayed).toEqual([NOW - 900_000, NOW - 600_000, NOW - 300_000]);
  });
});
