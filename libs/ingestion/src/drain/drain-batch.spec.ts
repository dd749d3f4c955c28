import type { DeadLetter, Reading, TelemetryOutcome } from '@hydro/domain';
import { encodeJournalEntry } from '../intake/journal-entry';
import { buildDrainBatch, type JournalRecord, SERIAL_STRIDE } from './drain-batch';

const T0 = Date.parse('2023-09-21T02:00:00Z');
const reading = (minute: number, overrides: Partial<Reading> = {}): Reading => ({
  stationId: '70100001',
  element: 'water_level',
  observedAt: T0 + minute * 60_000,
  value: 3 + minute / 100,
  quality: 'good',
  ...overrides,
});
const letter = (detail: string): DeadLetter => ({
  receivedAt: T0,
  topic: 'hydro/v1/telemetry/70100001',
  payload: '{"水位":',
  reason: 'malformed_json',
  detail,
});
const record = (seq: number, outcome: Partial<TelemetryOutcome>): JournalRecord => ({
  seq,
  payload: encodeJournalEntry({ readings: [], arrivals: [], deadLetters: [], ...outcome }),
});
/** One reading and its arrival: two points. */
const report = (seq: number): JournalRecord =>
  record(seq, {
    readings: [reading(seq)],
    arrivals: [{ stationId: '70100001', channel: 'cellular', observedAt: T0 + seq * 60_000, receivedAt: T0 + seq * 60_000 + 1_000, onSchedule: true }],
  });

describe('buildDrainBatch', () => {
  it('gives no batch for no records', () => {
    expect(buildDrainBatch([], 100)).toBeUndefined();
  });

  it('decodes records in journal order into one batch that says which entries it covers', () => {
    const batch = buildDrainBatch([report(7), report(8), record(9, { deadLetters: [letter('bad')] })], 100);
    expect(batch).toMatchObject({ firstSeq: 7, lastSeq: 9, entries: 3, points: 5 });
    expect(batch?.readings).toEqual([reading(7), reading(8)]);
    expect(batch?.arrivals.map((a) => a.observedAt)).toEqual([T0 + 7 * 60_000, T0 + 8 * 60_000]);
    expect(batch?.deadLetters.map((d) => d.detail)).toEqual(['bad']);
  });

  it('stops taking entries once the batch holds maxPoints', () => {
    const records = [1, 2, 3, 4, 5].map(report);
    expect(buildDrainBatch(records, 4)).toMatchObject({ firstSeq: 1, lastSeq: 2, entries: 2, points: 4 });
    expect(buildDrainBatch(records, 6)).toMatchObject({ lastSeq: 3, entries: 3, points: 6 });
  });

  it('goes past maxPoints by at most the last entry it takes', () => {
    const records = [1, 2, 3].map((seq) => record(seq, { readings: [reading(seq), reading(seq, { element: 'rainfall' }), reading(seq, { element: 'flow' })] }));
    expect(buildDrainBatch(records, 4)).toMatchObject({ lastSeq: 2, entries: 2, points: 6 });
  });

  it('takes one entry larger than maxPoints whole, so the drain cannot stall on it', () => {
    const big = record(1, { readings: Array.from({ length: 50 }, (_, minute) => reading(minute)) });
    const batch = buildDrainBatch([big, report(2)], 10);
    expect(batch).toMatchObject({ firstSeq: 1, lastSeq: 1, entries: 1, points: 50 });
    expect(batch?.readings).toHaveLength(50);
  });

  it('numbers dead letters seq * SERIAL_STRIDE + index', () => {
    const batch = buildDrainBatch([record(3, { deadLetters: [letter('a'), letter('b')] }), record(4, { deadLetters: [letter('c')] })], 100);
    expect(batch?.deadLetters.map((d) => [d.detail, d.serial])).toEqual([
      ['a', 3 * SERIAL_STRIDE],
      ['b', 3 * SERIAL_STRIDE + 1],
      ['c', 4 * SERIAL_STRIDE],
    ]);
  });

  it('gives a dead letter the same serial however the entries are batched on replay', () => {
    const records = [1, 2, 3, 4].map((seq) => record(seq, { deadLetters: [letter(`${seq}a`), letter(`${seq}b`)] }));
    /** Detail → serial over all the batches a drain would make of `from`, `maxPoints` at a time. */
    const serials = (from: readonly JournalRecord[], maxPoints: number) => {
      const found = new Map<string, number>();
      for (let rest = from, batch = buildDrainBatch(rest, maxPoints); batch; rest = rest.slice(batch.entries), batch = buildDrainBatch(rest, maxPoints)) {
        for (const d of batch.deadLetters) found.set(d.detail, d.serial);
      }
      return found;
    };
    const allAtOnce = serials(records, 100);

    expect(serials(records, 2)).toEqual(allAtOnce);
    expect(serials(records, 3)).toEqual(allAtOnce);
    for (const [detail, serial] of serials(records.slice(1), 100)) expect(allAtOnce.get(detail)).toBe(serial);
    expect(new Set(allAtOnce.values()).size).toBe(8);
  });
});
