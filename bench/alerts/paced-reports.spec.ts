import { describe, expect, it } from '@jest/globals';
import type { Station } from '@hydro/domain';
import type { PlannedCrossing } from './crossing-plan';
import { reportPayload, scheduleReports } from './paced-reports';

function station(id: string, elements: Station['elements']): Station {
  return { id, elements, limits: { water_level: { min: 0, max: 20 }, battery_voltage: { min: 9, max: 15 } } } as unknown as Station;
}

const river = station('R', ['water_level']);
const rain = station('P', ['rainfall', 'battery_voltage']);
const crossing: PlannedCrossing = { stationId: 'R', ruleId: 'wl-R', calmLevel: 8, crossingLevel: 10.05, severity: 'yellow', thresholdName: '警戒水位' };

describe('scheduleReports', () => {
  it('sends one report per station per round, in registry order', () => {
    const schedule = scheduleReports([river, rain], [], [crossing], 3);
    expect(schedule.map((r) => r.station.id)).toEqual(['R', 'P', 'R', 'P', 'R', 'P']);
  });

  it('keeps a crossing calm before its round, marks the one report that crosses, and holds the level after', () => {
    const other: PlannedCrossing = { ...crossing, stationId: 'S', ruleId: 'wl-S' };
    const schedule = scheduleReports([river, station('S', ['water_level'])], [], [crossing, other], 3);
    const ofR = schedule.filter((r) => r.station.id === 'R');
    const ofS = schedule.filter((r) => r.station.id === 'S');
    expect(ofR.map((r) => [r.level, r.crossing !== undefined])).toEqual([[8, false], [10.05, true], [10.05, false]]);
    expect(ofS.map((r) => [r.level, r.crossing !== undefined])).toEqual([[8, false], [8, false], [10.05, true]]);
  });

  it('leaves out a gauge whose rules leave it no calm level', () => {
    const squeezed = { ...station('Q', ['water_level']), limits: { water_level: { min: 9.6, max: 20 } } } as unknown as Station;
    const rule = { id: 'wl-Q', kind: 'water_level', stationId: 'Q', direction: 'rising', thresholds: [{ code: 'warning', name: '警戒水位', level: 9.7, severity: 'yellow' }], hysteresis: 0.1, minDurationMs: 0, clearingDelayMs: 0, staleAfterMs: 1 } as const;
    expect(scheduleReports([squeezed, rain], [rule], [], 2).map((r) => r.station.id)).toEqual(['P', 'P']);
  });
});

describe('reportPayload', () => {
  it('carries every element of the station, the planned level and the observation time given', () => {
    const { topic, payload } = reportPayload({ station: river, level: 10.05, crossing }, 1_790_000_000_123);
    expect(topic).toContain('R');
    expect(JSON.parse(payload)).toEqual({ stationId: 'R', observedAt: 1_790_000_000_123, channel: 'cellular', readings: { water_level: 10.05 } });
  });

  it('reports no rain and a healthy battery for a rain gauge', () => {
    expect((JSON.parse(reportPayload({ station: rain, level: undefined }, 0).payload) as { readings: unknown }).readings).toEqual({ rainfall: 0, battery_voltage: 12.6 });
  });
});
