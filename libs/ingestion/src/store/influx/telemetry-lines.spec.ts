import type { Arrival, Reading } from '@hydro/domain';
import type { StoredDeadLetter } from '../reading-store';
import { LineProtocolError } from './line-protocol';
import { arrivalLine, batchBody, deadLetterLine, readingLine } from './telemetry-lines';

const observedAt = Date.UTC(2023, 5, 15, 8, 30, 0, 123); // 1686817800123

const reading: Reading = { stationId: '70601234', element: 'water_level', observedAt, value: 3, quality: 'good' };
const arrival: Arrival = { stationId: '70601234', channel: 'beidou', observedAt, receivedAt: observedAt + 4000 };
const letter: StoredDeadLetter = {
  receivedAt: observedAt,
  topic: 'hydro/70601234/telemetry',
  payload: '{"readings": {"water_level": "abc"}}',
  reason: 'invalid_value',
  detail: 'readings.water_level: "abc" is not a number',
  serial: 42_000_003,
};

describe('telemetry as line protocol', () => {
  it('writes a reading with a float value and an empty qc note when good', () => {
    expect(readingLine(reading)).toBe('reading,element=water_level,station=70601234 value=3.0,quality="good",qc="" 1686817800123000000');
  });

  it('writes the note of a suspect reading', () => {
    const suspect: Reading = { ...reading, value: 12.75, quality: 'suspect', qualityNote: 'above the "max" 12.5\nlimit' };
    expect(readingLine(suspect)).toBe(
      'reading,element=water_level,station=70601234 value=12.75,quality="suspect",qc="above the \\"max\\" 12.5\nlimit" 1686817800123000000',
    );
  });

  it('writes an arrival with an integer receipt time', () => {
    expect(arrivalLine(arrival)).toBe('arrival,channel=beidou,station=70601234 received_at=1686817804123i 1686817800123000000');
  });

  it('writes a dead letter at its receipt ms plus serial mod 1e6 ns, with the whole serial as a field', () => {
    expect(deadLetterLine(letter)).toBe(
      'dead_letter,reason=invalid_value topic="hydro/70601234/telemetry",payload="{\\"readings\\": {\\"water_level\\": \\"abc\\"}}",' +
        'detail="readings.water_level: \\"abc\\" is not a number",received_at=1686817800123i,serial=42000003i 1686817800123000003',
    );
  });

  it('puts the whole batch in one body, in order, and nothing for an empty batch', () => {
    const body = batchBody({ readings: [reading, { ...reading, value: 4 }], arrivals: [arrival], deadLetters: [letter] });
    expect(body.split('\n').map((line) => line.split(/[ ,]/)[0])).toEqual(['reading', 'reading', 'arrival', 'dead_letter']);
    expect(body.split('\n')[1]).toContain('value=4.0');
    expect(batchBody({ readings: [], arrivals: [], deadLetters: [] })).toBe('');
  });

  it('names the point it cannot encode', () => {
    const broken: Reading = { ...reading, value: Number.NaN };
    expect(() => batchBody({ readings: [broken], arrivals: [], deadLetters: [] })).toThrow(
      new LineProtocolError('reading 70601234 water_level @1686817800123: float NaN cannot be written (NaN and infinities have no line-protocol form)'),
    );
  });
});
