import type { Reading } from '../../../../telemetry/reading';

/** 21 September 2023, 08:00 Beijing time: the start of a hydrological day, for specs. */
export const T0 = Date.UTC(2023, 8, 21, 0, 0);

/** A good water-level reading; specs state the station, time and value that matter. */
export function levelReading(stationId: string, observedAt: number, value: number, quality: Reading['quality'] = 'good'): Reading {
  return { stationId, element: 'water_level', observedAt, value, quality };
}
