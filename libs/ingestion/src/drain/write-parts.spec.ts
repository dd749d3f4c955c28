import { describe, expect, it } from '@jest/globals';
import type { Arrival, Reading } from '@hydro/domain';
import type { StoredDeadLetter, TelemetryBatch } from '../store/reading-store';
import { writeParts } from './write-parts';

const T0 = Date.parse('2024-07-20T08:00:00+08:00');
const reading = (n: number): Reading => ({ stationId: '70100001', element: 'water_level', observedAt: T0 + n * 300_000, value: 3 + n / 100, quality: 'good' });
const arrival = (n: number): Arrival => ({ stationId: '70100001', channel: 'cellular', observedAt: T0 + n * 300_000, receivedAt: T0 + n * 300_000 + 2_000, onSchedule: true });
const letter = (n: number): StoredDeadLetter => ({ serial: n, receivedAt: T0, topic: 'hydro/v1/telemetry/70100001', payload: '{', reason: 'malformed_json', detail: `#${n}` });

/** 5 readings, 3 arrivals, 2 dead letters: 10 points. */
const batch: TelemetryBatch = {
  readings: [0, 1, 2, 3, 4].map(reading),
  arrivals: [0, 1, 2].map(arrival),
  deadLetters: [0, 1].map(letter),
};
/** Each part as counts of readings, arrivals, dead letters. */
const shape = (parts: TelemetryBatch[]): Array<[number, number, number]> => parts.map((p) => [p.readings.length, p.arrivals.length, p.deadLetters.length]);

describe('writeParts', () => {
  it.each([
    [undefined, [[5, 3, 2]]],
    [Number.NaN, [[5, 3, 2]]],
    [0, [[5, 3, 2]]],
    [11, [[5, 3, 2]]],
    [10, [[5, 3, 2]]],
    [9, [[5, 3, 1], [0, 0, 1]]],
    [5, [[5, 0, 0], [0, 3, 2]]],
    [4, [[4, 0, 0], [1, 3, 0], [0, 0, 2]]],
    [3, [[3, 0, 0], [2, 1, 0], [0, 2, 1], [0, 0, 1]]],
    [1, Array.from({ length: 10 }, (_, i): [number, number, number] => (i < 5 ? [1, 0, 0] : i < 8 ? [0, 1, 0] : [0, 0, 1]))],
  ])('with at most %s points per write, cuts 5 readings, 3 arrivals and 2 dead letters into %j', (maxPoints, expected) => {
    expect(shape(writeParts(batch, maxPoints))).toEqual(expected);
  });

  it('keeps every point once and in order, whatever the part size', () => {
    for (const size of [1, 2, 3, 4, 6, 7]) {
      const parts = writeParts(batch, size);
      expect(parts.flatMap((p) => p.readings)).toEqual(batch.readings);
      expect(parts.flatMap((p) => p.arrivals)).toEqual(batch.arrivals);
      expect(parts.flatMap((p) => p.deadLetters)).toEqual(batch.deadLetters);
      expect(parts.every((p) => p.readings.length + p.arrivals.length + p.deadLetters.length <= size)).toBe(true);
    }
  });

  it('gives a batch that fits back as it is, and an empty batch as one empty write', () => {
    expect(writeParts(batch, 10)[0]).toBe(batch);
    const empty: TelemetryBatch = { readings: [], arrivals: [], deadLetters: [] };
    expect(writeParts(empty, 3)).toEqual([empty]);
  });
});
