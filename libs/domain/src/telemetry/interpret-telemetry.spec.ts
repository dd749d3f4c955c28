import type { Station } from '../stations/station';
import { sampleRiverStation } from '../stations/__fixtures__/sample-river-station';
import { interpretTelemetry, type StationLookup } from './interpret-telemetry';

const river: Station = sampleRiverStation();
const rainOnlyCellular: Station = { ...river, id: '70100002', kind: 'rain', channels: ['cellular'], elements: ['rainfall'], limits: {} };
const hourlyRain: Station = { ...rainOnlyCellular, id: '70100003', reportingIntervalMinutes: 60 };
const stations: StationLookup = { get: (id) => [river, rainOnlyCellular, hourlyRain].find((s) => s.id === id) };

const receivedAt = Date.parse('2023-09-21T02:06:00Z');
const interpret = (payload: unknown, topic = 'hydro/v1/telemetry/70100001') =>
  interpretTelemetry(
    { topic, payload: Buffer.from(typeof payload === 'string' ? payload : JSON.stringify(payload)), receivedAt },
    stations,
  );

const T = 'hydro/v1/telemetry/70100001';

describe('interpretTelemetry', () => {
  it('turns a single report into one reading per element at the observation time, and one arrival', () => {
    const out = interpret({
      stationId: '70100001',
      observedAt: '2023-09-21T10:05:00+08:00',
      channel: 'cellular',
      readings: { water_level: 3.42, rainfall: 0.5, battery_voltage: 12.6 },
    });
    const at = Date.parse('2023-09-21T02:05:00Z');
    expect(out.deadLetters).toEqual([]);
    expect(out.readings).toEqual([
      { stationId: '70100001', element: 'water_level', observedAt: at, value: 3.42, quality: 'good' },
      { stationId: '70100001', element: 'rainfall', observedAt: at, value: 0.5, quality: 'good' },
      { stationId: '70100001', element: 'battery_voltage', observedAt: at, value: 12.6, quality: 'good' },
    ]);
    expect(out.arrivals).toEqual([{ stationId: '70100001', channel: 'cellular', observedAt: at, receivedAt, onSchedule: true }]);
  });

  it('accepts epoch milliseconds and a payload without stationId', () => {
    const at = Date.parse('2023-09-21T02:00:00Z');
    const out = interpret({ observedAt: at, channel: 'beidou', readings: { water_level: 3 } });
    expect(out.readings.map((r) => [r.observedAt, r.value])).toEqual([[at, 3]]);
    expect(out.arrivals[0]?.channel).toBe('beidou');
  });

  it('stores a satellite catch-up batch at each observation time, hours late', () => {
    const out = interpret({
      channel: 'beidou',
      observations: [
        { observedAt: '2023-09-20T22:00:00+08:00', readings: { rainfall: 1.5 } },
        { observedAt: '2023-09-20T22:05:00+08:00', readings: { rainfall: 2 } },
      ],
    });
    expect(out.deadLetters).toEqual([]);
    expect(out.readings.map((r) => new Date(r.observedAt).toISOString())).toEqual([
      '2023-09-20T14:00:00.000Z',
      '2023-09-20T14:05:00.000Z',
    ]);
    expect(out.arrivals).toHaveLength(2);
  });

  const hour = Date.parse('2023-09-21T02:00:00Z');
  it.each<[string, string, number, boolean]>([
    ['a 5-minute station on a 5-minute mark', '70100001', hour + 5 * 60_000, true],
    ['a 5-minute station on the hour', '70100001', hour, true],
    ['a 5-minute station 1 ms after the mark (an added report)', '70100001', hour + 5 * 60_000 + 1, false],
    ['a 5-minute station 1 ms before the mark', '70100001', hour + 5 * 60_000 - 1, false],
    ['a 5-minute station at 2.5 minutes', '70100001', hour + 150_000, false],
    ['an hourly station on the hour', '70100003', hour, true],
    ['an hourly station on a 5-minute mark (an added report)', '70100003', hour + 5 * 60_000, false],
    ['an hourly station 1 ms before the hour', '70100003', hour - 1, false],
  ])('marks the arrival of %s on schedule: %s', (_title, stationId, observedAt, onSchedule) => {
    const out = interpret({ observedAt, channel: 'cellular', readings: { rainfall: 0.5 } }, `hydro/v1/telemetry/${stationId}`);
    expect(out.deadLetters).toEqual([]);
    expect(out.arrivals).toEqual([{ stationId, channel: 'cellular', observedAt, receivedAt, onSchedule }]);
  });

  it('marks each observation of a catch-up batch by its own time', () => {
    const out = interpret({
      channel: 'beidou',
      observations: [
        { observedAt: hour - 5 * 60_000, readings: { rainfall: 1 } },
        { observedAt: hour - 3 * 60_000, readings: { rainfall: 2 } },
        { observedAt: hour, readings: { rainfall: 0 } },
      ],
    });
    expect(out.arrivals.map((a) => [a.observedAt - hour, a.onSchedule])).toEqual([
      [-5 * 60_000, true],
      [-3 * 60_000, false],
      [0, true],
    ]);
  });

  it('keeps a value outside the hard limits as suspect with a note, never drops it', () => {
    const out = interpret({ observedAt: receivedAt, channel: 'cellular', readings: { water_level: 14.2 } });
    expect(out.readings[0]).toMatchObject({ value: 14.2, quality: 'suspect', qualityNote: 'water_level 14.2 m above hard limit 12 m' });
  });

  it('dead-letters an unknown element but stores the rest of the report', () => {
    const out = interpret({ observedAt: receivedAt, channel: 'cellular', readings: { water_level: 3, salinity: 7 } });
    expect(out.readings.map((r) => r.element)).toEqual(['water_level']);
    expect(out.deadLetters).toMatchObject([{ reason: 'unknown_element', detail: 'readings.salinity: "salinity" is not a known element' }]);
  });

  it.each([
    ['a string value', { water_level: '3.1' }, 'readings.water_level: "3.1" is not a number', 'invalid_value'],
    ['a null value', { water_level: null }, 'readings.water_level: null is not a number', 'invalid_value'],
    ['an element the station lacks', { flow: 12 }, 'readings.flow: station 70100001 does not measure flow', 'element_not_measured'],
  ])('dead-letters %s for that reading with a reason', (_title, readings, detail, reason) => {
    const out = interpret({ observedAt: receivedAt, channel: 'cellular', readings });
    expect(out.readings).toEqual([]);
    expect(out.deadLetters).toEqual([
      expect.objectContaining({ reason, detail, topic: 'hydro/v1/telemetry/70100001', receivedAt }),
    ]);
  });

  it.each<[string, unknown, string, string, string]>([
    ['malformed JSON', '{"observedAt": ', 'malformed_json', 'payload is not JSON', T],
    ['a JSON array', '[1,2]', 'invalid_payload', 'payload must be a JSON object', T],
    ['an unknown station', { channel: 'cellular', observedAt: receivedAt, readings: { rainfall: 1 } }, 'unknown_station', 'station 79999999 is not in the station registry', 'hydro/v1/telemetry/79999999'],
    ['a topic outside the contract', { channel: 'cellular' }, 'bad_topic', 'is not hydro/v1/telemetry/{stationId}', 'hydro/v1/other/70100001'],
    ['a payload naming another station', { stationId: '70100002', channel: 'cellular', observedAt: receivedAt, readings: { rainfall: 1 } }, 'station_mismatch', 'differs from the topic', T],
    ['a missing channel', { observedAt: receivedAt, readings: { rainfall: 1 } }, 'unknown_channel', 'channel must be one of cellular, beidou', T],
    ['BeiDou from a cellular-only station', { channel: 'beidou', observedAt: receivedAt, readings: { rainfall: 1 } }, 'unknown_channel', 'has no beidou channel', 'hydro/v1/telemetry/70100002'],
    ['missing readings', { channel: 'cellular', observedAt: receivedAt }, 'invalid_payload', 'readings must be an object', T],
    ['empty readings', { channel: 'cellular', observedAt: receivedAt, readings: {} }, 'invalid_payload', 'readings is empty', T],
    ['both forms at once', { channel: 'cellular', observedAt: receivedAt, readings: { rainfall: 1 }, observations: [{ observedAt: receivedAt, readings: { rainfall: 1 } }] }, 'invalid_payload', 'not both', T],
    ['a batch entry without readings', { channel: 'cellular', observations: [{ observedAt: receivedAt }] }, 'invalid_payload', 'observations[0].readings must be an object', T],
    ['a local time without offset', { channel: 'cellular', observedAt: '2023-09-21T10:05:00', readings: { rainfall: 1 } }, 'bad_timestamp', 'with a UTC offset', T],
    ['an impossible date', { channel: 'cellular', observedAt: '2023-02-30T10:05:00+08:00', readings: { rainfall: 1 } }, 'bad_timestamp', 'not a real date', T],
    ['a clock reset to 1970', { channel: 'cellular', observedAt: 0, readings: { rainfall: 1 } }, 'bad_timestamp', 'before 2000', T],
    ['a time 11 minutes ahead', { channel: 'cellular', observedAt: receivedAt + 11 * 60_000, readings: { rainfall: 1 } }, 'future_timestamp', '11 min after receipt', T],
  ])('dead-letters %s with the raw payload and a readable reason', (_title, payload, reason, detailPart, topic) => {
    const out = interpret(payload, topic);
    expect(out.readings).toEqual([]);
    expect(out.deadLetters).toHaveLength(1);
    expect(out.deadLetters[0]?.reason).toBe(reason);
    expect(out.deadLetters[0]?.detail).toContain(detailPart);
    expect(out.deadLetters[0]?.payload).toBe(typeof payload === 'string' ? payload : JSON.stringify(payload));
  });

  it('accepts an observation exactly 10 minutes ahead of receipt', () => {
    const out = interpret({ channel: 'cellular', observedAt: receivedAt + 10 * 60_000, readings: { water_level: 3 } });
    expect(out.deadLetters).toEqual([]);
    expect(out.readings).toHaveLength(1);
  });

  it('truncates a huge dead-lettered payload but keeps its head', () => {
    const big = `{"x":"${'a'.repeat(200_000)}"`;
    const out = interpret(big);
    expect(out.deadLetters[0]?.reason).toBe('malformed_json');
    expect(out.deadLetters[0]?.payload.startsWith('{"x":"aaa')).toBe(true);
    expect(out.deadLetters[0]?.payload.endsWith('…[truncated]')).toBe(true);
  });

  it('refuses a payload larger than the limit without parsing it', () => {
    const out = interpret(JSON.stringify({ channel: 'cellular', pad: 'x'.repeat(300 * 1024) }));
    expect(out.deadLetters[0]).toMatchObject({ reason: 'invalid_payload' });
    expect(out.deadLetters[0]?.detail).toMatch(/bytes, more than the 262144 allowed/);
  });
});

describe('interpretTelemetry with many problems in one message', () => {
  it('keeps one dead letter naming the commonest reason, the count and the first problems', () => {
    const observations = Array.from({ length: 300 }, (_, i) => ({ observedAt: i * 300_000, readings: { rainfall: 0 } }));
    observations.push({ observedAt: receivedAt, readings: { rainfall: 1 } });
    const out = interpretTelemetry(
      { topic: 'hydro/v1/telemetry/70100001', payload: Buffer.from(JSON.stringify({ channel: 'beidou', observations })), receivedAt },
      stations,
    );
    expect(out.readings).toHaveLength(1);
    expect(out.deadLetters).toHaveLength(1);
    expect(out.deadLetters[0]?.reason).toBe('bad_timestamp');
    expect(out.deadLetters[0]?.detail).toMatch(/^300 problems in this message \(300 bad_timestamp\); the first 10: observations\[0\]\.observedAt: /);
  });

  it('keeps up to ten dead letters from one message apart', () => {
    const readings = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`x${i}`, 1]));
    const out = interpret({ observedAt: receivedAt, channel: 'cellular', readings });
    expect(out.deadLetters).toHaveLength(10);
  });
});
