import type { Station } from '../../../stations/station';
import type { Reading } from '../../../telemetry/reading';

/** 21 September 2023, 08:00 Beijing time: the start of a hydrological day, for specs. */
export const T0 = Date.UTC(2023, 8, 21, 0, 0);

/** A dual-channel rain gauge in the Nanxi valley (Yongjia) reporting every 5 minutes; specs state what they change. */
export function rainGauge(id: string, overrides: Partial<Station> = {}): Station {
  return {
    id,
    rtuAddress: `00${id}`,
    name: `雨量站 ${id}`,
    kind: 'rain',
    district: 'yongjia',
    basin: 'ou',
    latitude: 28.3,
    longitude: 120.7,
    reportingIntervalMinutes: 5,
    channels: ['cellular', 'beidou'],
    elements: ['rainfall', 'battery_voltage'],
    limits: { rainfall: { min: 0, max: 60 }, battery_voltage: { min: 9, max: 15 } },
    ...overrides,
  };
}

/** A good rainfall reading: the rain of the interval ending at `observedAt`, in mm. */
export function rainReading(stationId: string, observedAt: number, millimetres: number, quality: Reading['quality'] = 'good'): Reading {
  return { stationId, element: 'rainfall', observedAt, value: millimetres, quality };
}

/** A registry lookup over the given stations. */
export function lookupOf(...stations: readonly Station[]): { get(id: string): Station | undefined } {
  const byId = new Map(stations.map((station) => [station.id, station]));
  return { get: (id) => byId.get(id) };
}
