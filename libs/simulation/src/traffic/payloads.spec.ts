import { batchPayload, reportPayload, roundTo } from './payloads';

describe('payloads', () => {
  const observation = { observedAt: Date.parse('2023-09-21T10:05:00+08:00'), readings: { water_level: 3.42, rainfall: 0.5, battery_voltage: 12.6 } };

  it('writes the single form exactly as the contract shows it', () => {
    expect(JSON.parse(reportPayload('70500747', 'cellular', observation))).toEqual({
      stationId: '70500747',
      observedAt: '2023-09-21T10:05:00+08:00',
      channel: 'cellular',
      readings: { water_level: 3.42, rainfall: 0.5, battery_voltage: 12.6 },
    });
  });

  it('writes the batch form', () => {
    expect(JSON.parse(batchPayload('70500747', 'beidou', [observation]))).toEqual({
      stationId: '70500747',
      channel: 'beidou',
      observations: [{ observedAt: '2023-09-21T10:05:00+08:00', readings: observation.readings }],
    });
  });

  it('rounds like an RTU element definition', () => {
    expect(roundTo(3.14159, 2)).toBe(3.14);
    expect(roundTo(0.05, 1)).toBe(0.1);
  });
});
