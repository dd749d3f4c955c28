import { type DeadLetter, type Reading, type TelemetryOutcome, interpretTelemetry, type Station } from '@hydro/domain';
import { sampleRiverStation } from '@hydro/domain/stations/__fixtures__/sample-river-station';
import { decodeJournalEntry, encodeJournalEntry } from './journal-entry';

const at = Date.parse('2023-09-21T02:05:00Z');
const receivedAt = at + 42_000;

const good: Reading = { stationId: '70100001', element: 'water_level', observedAt: at, value: 3.42, quality: 'good' };
const suspect: Reading = {
  stationId: '70100001',
  element: 'rainfall',
  observedAt: at,
  value: 75.5,
  quality: 'suspect',
  qualityNote: 'rainfall 75.5 mm above hard limit 60 mm',
};
const letter = (payload: string, overrides: Partial<DeadLetter> = {}): DeadLetter => ({
  receivedAt,
  topic: 'hydro/v1/telemetry/70100001',
  payload,
  reason: 'malformed_json',
  detail: 'payload is not JSON: Unexpected token',
  ...overrides,
});

const roundTrip = (outcome: TelemetryOutcome): TelemetryOutcome => decodeJournalEntry(encodeJournalEntry(outcome));

describe('journal entry encoding', () => {
  it('round-trips readings, arrivals and dead letters unchanged', () => {
    const outcome: TelemetryOutcome = {
      readings: [good, suspect],
      arrivals: [
        { stationId: '70100001', channel: 'cellular', observedAt: at, receivedAt, onSchedule: true },
        { stationId: '70100001', channel: 'beidou', observedAt: at, receivedAt: receivedAt + 3_600_000, onSchedule: true },
        { stationId: '70100001', channel: 'cellular', observedAt: at + 90_000, receivedAt: receivedAt + 90_000, onSchedule: false },
      ],
      deadLetters: [letter('{"water_level":', { reason: 'unknown_element', detail: 'readings.salinity: "salinity" is not a known element' })],
    };
    expect(roundTrip(outcome)).toStrictEqual(outcome);
  });

  it('keeps the quality note of a suspect reading and adds none to a good one', () => {
    const [decodedSuspect, decodedGood] = roundTrip({ readings: [suspect, good], arrivals: [], deadLetters: [] }).readings;
    expect(decodedSuspect?.qualityNote).toBe('rainfall 75.5 mm above hard limit 60 mm');
    expect(decodedGood).not.toHaveProperty('qualityNote');
  });

  it('keeps an empty quality note as given rather than dropping it', () => {
    const withEmptyNote: Reading = { ...suspect, qualityNote: '' };
    expect(roundTrip({ readings: [withEmptyNote], arrivals: [], deadLetters: [] }).readings).toStrictEqual([withEmptyNote]);
  });

  it('keeps dead-letter payloads, topics and details with any unicode exactly', () => {
    const outcome: TelemetryOutcome = {
      readings: [],
      arrivals: [],
      deadLetters: [
        letter('{"站名":"温溪站","水位":"三点四"} 🌊🌧️ e\u0301'),
        letter('quote " backslash \\ newline \n tab \t nul \u0000 bom \ufeff', { reason: 'invalid_payload' }),
        letter('lone surrogate \ud800 and replacement \ufffd', { topic: 'hydro/v1/telemetry/温溪', reason: 'bad_topic' }),
        letter('', { detail: '𝔡𝔢𝔱𝔞𝔦𝔩 in astral plane' }),
      ],
    };
    expect(roundTrip(outcome)).toStrictEqual(outcome);
  });

  it.each<[string, boolean, number]>([
    ['a timed report', true, 1],
    ['an added report', false, 0],
  ])('keeps whether the arrival of %s is on schedule as a fifth element, %s → %s', (_title, onSchedule, stored) => {
    const arrival = { stationId: '70100001', channel: 'cellular' as const, observedAt: at, receivedAt, onSchedule };
    const entry = encodeJournalEntry({ readings: [], arrivals: [arrival], deadLetters: [] });
    expect((JSON.parse(entry.toString('utf8')) as { a: unknown[][] }).a[0]?.[4]).toBe(stored);
    expect(decodeJournalEntry(entry).arrivals).toStrictEqual([arrival]);
  });

  it('decodes an arrival written before the fifth element existed as on schedule', () => {
    const older = Buffer.from(JSON.stringify({ r: [], a: [['70100001', 'beidou', at + 1, receivedAt]], d: [] }));
    expect(decodeJournalEntry(older).arrivals).toStrictEqual([{ stationId: '70100001', channel: 'beidou', observedAt: at + 1, receivedAt, onSchedule: true }]);
  });

  it('round-trips an empty outcome', () => {
    expect(roundTrip({ readings: [], arrivals: [], deadLetters: [] })).toStrictEqual({ readings: [], arrivals: [], deadLetters: [] });
  });

  it('decodes a payload that is a view into a larger buffer, as the journal hands it out', () => {
    const outcome: TelemetryOutcome = { readings: [suspect], arrivals: [], deadLetters: [letter('水位 🌊')] };
    const entry = encodeJournalEntry(outcome);
    const frame = Buffer.concat([Buffer.from('header bytes'), entry, Buffer.from('next record')]);
    expect(decodeJournalEntry(frame.subarray(12, 12 + entry.length))).toStrictEqual(outcome);
  });

  it('round-trips what interpretTelemetry makes of a real report, suspect value included', () => {
    const station: Station = sampleRiverStation({ elements: ['water_level', 'rainfall'], limits: { water_level: { min: 0, max: 12 } } });
    const outcome = interpretTelemetry(
      {
        topic: 'hydro/v1/telemetry/70100001',
        payload: Buffer.from(JSON.stringify({ observedAt: '2023-09-21T10:05:00+08:00', channel: 'beidou', readings: { water_level: 14.2, rainfall: 0.5, 盐度: 7 } })),
        receivedAt,
      },
      { get: (id) => (id === station.id ? station : undefined) },
    );
    expect(outcome.readings.map((r) => r.quality)).toEqual(['suspect', 'good']);
    expect(outcome.deadLetters.map((d) => d.reason)).toEqual(['unknown_element']);
    expect(roundTrip(outcome)).toStrictEqual(outcome);
  });
});
