import type { Arrival, Reading } from '@hydro/domain';
import type { StoredDeadLetter } from '../reading-store';
import { LineProtocolError } from './line-protocol';
import { arrivalLine, batchBody, deadLetterLine, readingLine, reportLine } from './telemetry-lines';

const observedAt = Date.UTC(2023, 5, 15, 8, 30, 0, 123); // 1686817800123

const reading: Reading = { stationId: '70601234', element: 'water_level', observedAt, value: 3, quality: 'good' };
const arrival: Arrival = { stationId: '70601234', channel: 'beidou', observedAt, receivedAt: observedAt + 4000, onSchedule: true };
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

  it.each<[string, boolean, string]>([
    ['a timed report', true, 'true'],
    ['an added report', false, 'false'],
  ])('writes the arrival of %s with an integer receipt time and on_schedule=%s', (_title, onSchedule, written) => {
    expect(arrivalLine({ ...arrival, onSchedule })).toBe(
      `arrival,channel=beidou,station=70601234 received_at=1686817804123i,on_schedule=${written} 1686817800123000000`,
    );
  });

  it('writes the station-level report of an arrival at its observation time, without the channel', () => {
    expect(reportLine(arrival)).toBe('report,station=70601234 received_at=1686817804123i 1686817800123000000');
    expect(reportLine({ ...arrival, channel: 'cellular', receivedAt: observedAt + 1 })).toBe('report,station=70601234 received_at=1686817800124i 1686817800123000000');
  });

  it('adds a report point for each on-schedule arrival only, after the arrivals', () => {
    const added: Arrival = { ...arrival, observedAt: observedAt + 60_000, onSchedule: false };
    const body = batchBody({ readings: [], arrivals: [arrival, added, { ...arrival, channel: 'cellular' }], deadLetters: [] });
    expect(body.split('\n').map((line) => line.split(' ')[0])).toEqual([
      'arrival,channel=beidou,station=70601234',
      'arrival,channel=beidou,station=70601234',
      'arrival,channel=cellular,station=70601234',
      'report,station=70601234',
      'report,station=70601234',
    ]);
    expect(body).not.toContain('report,station=70601234 received_at=1686817804123i 1686817860123000000');
  });

  it('writes a dead letter at its receipt ms plus serial mod 1e6 ns, with the whole serial as a field', () => {
    expect(deadLetterLine(letter)).toBe(
      'dead_letter,reason=invalid_value topic="hydro/70601234/telemetry",payload="{\\"readings\\": {\\"water_level\\": \\"abc\\"}}",' +
        'detail="readings.water_level: \\"abc\\" is not a number",received_at=1686817800123i,serial=42000003i 1686817800123000003',
    );
  });

  it('puts the whole batch in one body, in order, and nothing for an empty batch', () => {
    const body = batchBody({ readings: [reading, { ...reading, value: 4 }], arrivals: [arrival], deadLetters: [letter] });
    expect(body.split('\n').map((line) => line.split(/[ ,]/)[0])).toEqual(['reading', 'reading', 'arrival', 'report', 'dead_letter']);
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
