import type { Arrival, Reading } from '@hydro/domain';
import type { StoredDeadLetter } from '../store/reading-store';
import { rejectedAsDeadLetters } from './rejected-batch';

const T0 = Date.parse('2023-09-21T02:00:00Z');
const now = T0 + 3_600_000;
const suspect: Reading = {
  stationId: '70100001',
  element: 'water_level',
  observedAt: T0,
  value: 14.2,
  quality: 'suspect',
  qualityNote: 'water_level 14.2 m above hard limit 12 m',
};
const beidou: Arrival = { stationId: '70100002', channel: 'beidou', observedAt: T0, receivedAt: T0 + 90_000, onSchedule: true };
const journalLetter: StoredDeadLetter = {
  receivedAt: T0,
  topic: 'hydro/v1/telemetry/70100001',
  payload: '水位',
  reason: 'malformed_json',
  detail: 'not JSON',
  serial: 10_000,
};

describe('rejectedAsDeadLetters', () => {
  it('keeps each refused reading and arrival as a store_rejected dead letter holding the point itself', () => {
    const result = rejectedAsDeadLetters({ readings: [suspect], arrivals: [beidou], deadLetters: [] }, 'field type conflict', now);

    expect(result.readings).toEqual([]);
    expect(result.arrivals).toEqual([]);
    expect(result.deadLetters).toEqual([
      {
        receivedAt: now,
        topic: 'hydro/v1/telemetry/70100001',
        payload: JSON.stringify(suspect),
        reason: 'store_rejected',
        detail: 'the store refused this point: field type conflict',
        serial: expect.any(Number) as number,
      },
      {
        receivedAt: now,
        topic: 'hydro/v1/telemetry/70100002',
        payload: JSON.stringify(beidou),
        reason: 'store_rejected',
        detail: 'the store refused this point: field type conflict',
        serial: expect.any(Number) as number,
      },
    ]);
  });

  it('stores a payload a person can parse back into the exact point', () => {
    const [letter] = rejectedAsDeadLetters({ readings: [suspect], arrivals: [], deadLetters: [] }, 'beyond retention policy', now).deadLetters;
    expect(JSON.parse(letter?.payload ?? '')).toStrictEqual(suspect);
  });

  it('gives every point of one batch its own serial', () => {
    const readings = Array.from({ length: 5 }, (_, i): Reading => ({ ...suspect, observedAt: T0 + i * 300_000 }));
    const serials = rejectedAsDeadLetters({ readings, arrivals: [beidou], deadLetters: [] }, 'why', now).deadLetters.map((d) => d.serial);
    expect(new Set(serials).size).toBe(6);
  });

  it('gives the same point the same serial on a replay, above every journal-derived serial', () => {
    const first = rejectedAsDeadLetters({ readings: [suspect], arrivals: [], deadLetters: [] }, 'why', now).deadLetters[0]?.serial;
    const again = rejectedAsDeadLetters({ readings: [suspect], arrivals: [], deadLetters: [] }, 'why', now + 5_000).deadLetters[0]?.serial;
    expect(again).toBe(first);
    expect(first).toBeGreaterThan(1e15);
    expect(first).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('makes no dead letter of a refused dead letter', () => {
    expect(rejectedAsDeadLetters({ readings: [], arrivals: [], deadLetters: [journalLetter] }, 'why', now)).toEqual({
      readings: [],
      arrivals: [],
      deadLetters: [],
    });
  });
});
