import { replayReports } from './replay-reports';

describe('replayReports', () => {
  it('groups the elements of one station and time into one report, in observation order', () => {
    const reports = replayReports([
      { stationId: '70500747', element: 'rainfall', observedAt: 2000, value: 1, channel: 'cellular' },
      { stationId: '70500747', element: 'water_level', observedAt: 1000, value: 3, channel: 'cellular' },
      { stationId: '70500747', element: 'rainfall', observedAt: 1000, value: 0.5, channel: 'cellular' },
      { stationId: '70500747', element: 'rainfall', observedAt: 1000, value: 0.5, channel: 'beidou' },
    ]);
    expect(reports.map((r) => [r.observedAt, JSON.parse(r.payload) as unknown])).toEqual([
      [1000, { stationId: '70500747', observedAt: 1000, channel: 'cellular', readings: { water_level: 3, rainfall: 0.5 } }],
      [1000, { stationId: '70500747', observedAt: 1000, channel: 'beidou', readings: { rainfall: 0.5 } }],
      [2000, { stationId: '70500747', observedAt: 2000, channel: 'cellular', readings: { rainfall: 1 } }],
    ]);
    expect(reports[0]?.topic).toBe('hydro/v1/telemetry/70500747');
  });
});
