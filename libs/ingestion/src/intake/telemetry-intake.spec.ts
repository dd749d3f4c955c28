import {
  type Clock,
  DEFAULT_INTERPRET_OPTIONS,
  type DeadLetterReason,
  type Station,
  type StationLookup,
  interpretTelemetry,
} from '@hydro/domain';
import { sampleRiverStation } from '@hydro/domain/stations/__fixtures__/sample-river-station';
import type { IngestionMetrics } from '../ingestion-metrics';
import { makeTempDir, removeDir } from '../journal/__fixtures__/temp-dir';
import { Journal } from '../journal/journal';
import { frameBytes } from '../journal/record';
import { decodeJournalEntry, encodeJournalEntry } from './journal-entry';
import { type AppendOnlyJournal, SpoolFullError, TelemetryIntake } from './telemetry-intake';

const river: Station = sampleRiverStation({ limits: { water_level: { min: 0, max: 12 }, rainfall: { min: 0, max: 60 } } });
const stations: StationLookup = { get: (id) => (id === river.id ? river : undefined) };
const TOPIC = 'hydro/v1/telemetry/70100001';
const NOW = Date.parse('2023-09-21T02:06:00Z');
const clock: Clock = { now: () => NOW };

const report = (readings: Record<string, unknown> = { water_level: 3.42, rainfall: 0.5 }): Buffer =>
  Buffer.from(JSON.stringify({ observedAt: '2023-09-21T10:05:00+08:00', channel: 'cellular', readings }));

/** Journal bytes one accepted message takes: its encoded outcome plus the frame header. */
const entryBytes = (payload: Buffer): number =>
  frameBytes(encodeJournalEntry(interpretTelemetry({ topic: TOPIC, payload, receivedAt: NOW }, stations)).length);

class RecordingMetrics implements IngestionMetrics {
  received = 0;
  readonly accepted: number[] = [];
  readonly deadLetters: DeadLetterReason[] = [];
  messageReceived(): void {
    this.received += 1;
  }
  readingsAccepted(count: number): void {
    this.accepted.push(count);
  }
  deadLettered(reason: DeadLetterReason): void {
    this.deadLetters.push(reason);
  }
  batchWritten(): void {
    throw new Error('the intake writes no batches');
  }
  writeFailed(): void {
    throw new Error('the intake writes no batches');
  }
  duplicateSkipped(): void {
    throw new Error('the intake skips no duplicates');
  }
  correctionWritten(): void {
    throw new Error('the intake writes no corrections');
  }
}

/** The real journal, with appends held back until released, or failing once when told to. */
class ControlledJournal implements AppendOnlyJournal {
  private held: Array<() => void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly inner: Journal) {}

  get pendingBytes(): number {
    return this.inner.pendingBytes;
  }

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = undefined;
    for (const go of held) go();
  }

  failNextAppend(error: Error): void {
    this.failure = error;
  }

  async append(payload: Buffer): Promise<number> {
    const held = this.held;
    if (held) await new Promise<void>((resolve) => held.push(resolve));
    const failure = this.failure;
    this.failure = undefined;
    if (failure) throw failure;
    return this.inner.append(payload);
  }
}

describe('TelemetryIntake', () => {
  let dir: string;
  let journal: Journal;
  let metrics: RecordingMetrics;
  let durable: number[];

  const intakeOn = (target: AppendOnlyJournal, spoolMaxBytes = 1024 * 1024) =>
    new TelemetryIntake(target, stations, clock, DEFAULT_INTERPRET_OPTIONS, metrics, () => durable.push(journal.lastSeq), spoolMaxBytes);

  const journaled = async () => (await journal.readAfter(0, 64 * 1024 * 1024)).map((record) => decodeJournalEntry(record.payload));

  beforeEach(async () => {
    dir = await makeTempDir('intake-');
    journal = await Journal.open(dir);
    metrics = new RecordingMetrics();
    durable = [];
  });

  afterEach(async () => {
    await journal.close();
    await removeDir(dir);
  });

  it('journals the interpreted outcome, received at the clock time, before it resolves', async () => {
    await intakeOn(journal).accept(TOPIC, report());

    expect(journal.lastSeq).toBe(1);
    expect(await journaled()).toStrictEqual([interpretTelemetry({ topic: TOPIC, payload: report(), receivedAt: NOW }, stations)]);
    expect((await journaled())[0]?.arrivals[0]?.receivedAt).toBe(NOW);
  });

  it('does not resolve while the journal append is still pending', async () => {
    const controlled = new ControlledJournal(journal);
    controlled.hold();
    let resolved = false;
    const accepting = intakeOn(controlled)
      .accept(TOPIC, report())
      .then(() => {
        resolved = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(resolved).toBe(false);
    expect(durable).toEqual([]);

    controlled.release();
    await accepting;
    expect(journal.lastSeq).toBe(1);
    expect(durable).toEqual([1]);
  });

  it('calls onDurable once per message, when its record is already durable', async () => {
    const intake = intakeOn(journal);
    await intake.accept(TOPIC, report());
    await intake.accept(TOPIC, Buffer.from('not json'));
    await Promise.all([intake.accept(TOPIC, report({ water_level: 1 })), intake.accept(TOPIC, report({ water_level: 2 }))]);
    expect(durable).toHaveLength(4);
    expect(durable.slice(0, 2)).toEqual([1, 2]);
    expect(Math.min(...durable.slice(2))).toBeGreaterThanOrEqual(3);
  });

  it('counts the message, its accepted readings and each dead letter by reason', async () => {
    await intakeOn(journal).accept(TOPIC, report({ water_level: 3.42, salinity: 7, rainfall: 'heavy' }));

    expect(metrics.received).toBe(1);
    expect(metrics.accepted).toEqual([1]);
    expect(metrics.deadLetters).toEqual(['unknown_element', 'invalid_value']);
  });

  it('journals a message refused as a whole as one dead letter, keeping its unicode payload intact', async () => {
    const garbled = '{"站名":"温溪站","水位": 三点四 🌊';
    const intake = intakeOn(journal);
    await intake.accept(TOPIC, Buffer.from(garbled));
    await intake.accept('hydro/v1/telemetry/79999999', report());

    expect(metrics.received).toBe(2);
    expect(metrics.accepted).toEqual([]);
    expect(metrics.deadLetters).toEqual(['malformed_json', 'unknown_station']);
    const [first, second] = await journaled();
    expect(first?.readings).toEqual([]);
    expect(first?.deadLetters).toMatchObject([{ reason: 'malformed_json', payload: garbled, topic: TOPIC, receivedAt: NOW }]);
    expect(second?.deadLetters).toMatchObject([{ reason: 'unknown_station', topic: 'hydro/v1/telemetry/79999999' }]);
  });

  it('refuses with SpoolFullError once the pending bytes reach the bound, journaling nothing', async () => {
    const intake = intakeOn(journal, entryBytes(report()));
    await intake.accept(TOPIC, report());
    expect(journal.pendingBytes).toBe(entryBytes(report()));

    await expect(intake.accept(TOPIC, report())).rejects.toBeInstanceOf(SpoolFullError);
    expect(journal.lastSeq).toBe(1);
    expect(durable).toEqual([1]);
    expect(metrics.accepted).toEqual([2]);
  });

  it('accepts again once a checkpoint has freed the spool', async () => {
    const intake = intakeOn(journal, entryBytes(report()));
    await intake.accept(TOPIC, report());
    await expect(intake.accept(TOPIC, report())).rejects.toBeInstanceOf(SpoolFullError);

    await journal.checkpoint(1);
    await intake.accept(TOPIC, report());
    expect(journal.lastSeq).toBe(2);
  });

  it('counts bytes still on their way to the journal against the bound', async () => {
    const controlled = new ControlledJournal(journal);
    const intake = intakeOn(controlled, entryBytes(report()));
    controlled.hold();
    const first = intake.accept(TOPIC, report());

    await expect(intake.accept(TOPIC, report())).rejects.toBeInstanceOf(SpoolFullError);
    controlled.release();
    await first;
    expect(journal.lastSeq).toBe(1);
  });

  it('lets many concurrent accepts overshoot the bound by less than one entry', async () => {
    const frame = entryBytes(report());
    const bound = Math.floor(3.5 * frame);
    const intake = intakeOn(journal, bound);

    const results = await Promise.allSettled(Array.from({ length: 40 }, () => intake.accept(TOPIC, report())));
    const accepted = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));

    expect(accepted).toBe(4);
    expect(journal.lastSeq).toBe(accepted);
    expect(journal.pendingBytes).toBeLessThan(bound + frame);
    expect(refusals).toHaveLength(36);
    for (const refusal of refusals) expect(refusal).toBeInstanceOf(SpoolFullError);
  });

  it('gives back the bytes of a failed append and reports nothing of that message as accepted', async () => {
    const controlled = new ControlledJournal(journal);
    const intake = intakeOn(controlled, entryBytes(report()));
    const diskFull = new Error('ENOSPC: no space left on device');
    controlled.failNextAppend(diskFull);

    await expect(intake.accept(TOPIC, report({ water_level: 3, salinity: 7 }))).rejects.toBe(diskFull);
    expect(metrics.accepted).toEqual([]);
    expect(metrics.deadLetters).toEqual([]);
    expect(durable).toEqual([]);

    // Were the failed entry's bytes still counted, this would be refused as a full spool.
    await intake.accept(TOPIC, report());
    expect(journal.lastSeq).toBe(1);
  });

  it('accepts a catch-up batch from an RTU with a reset clock, whose dead letters outgrow one journal record, instead of refusing it on every redelivery', async () => {
    // 1,150 five-minute observations stamped in 1970: each becomes a bad_timestamp dead letter that
    // carries the whole ~58 kB payload, about 74 MB in all: more than one journal record may hold.
    const observations = Array.from({ length: 1150 }, (_, i) => ({ observedAt: i * 300_000, readings: { rainfall: 0 } }));
    const payload = Buffer.from(JSON.stringify({ channel: 'beidou', observations }));
    expect(payload.length).toBeLessThan(DEFAULT_INTERPRET_OPTIONS.maxPayloadBytes);

    await expect(intakeOn(journal, Number.MAX_SAFE_INTEGER).accept(TOPIC, payload)).resolves.toBeUndefined();
    expect(journal.lastSeq).toBe(1);
    const [entry] = await journaled();
    expect(entry?.readings).toEqual([]);
    expect(entry?.deadLetters.length).toBeGreaterThan(0);
  }, 60_000);
});
