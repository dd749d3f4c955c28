import type { RainfallThreshold } from '../../libs/domain/src/rules/rule-set';

/*
 * Critical rainfall (临界雨量) per window, inside the range of the published county example in the
 * domain notes (blue … red, mm): 1 h 35–80, 3 h 55–120, 6 h 70–150, 24 h 100–200; 12 h interpolated.
 * A more vulnerable area (steep, small catchment, houses by the stream) has lower values.
 */
const RANGES_MM: ReadonlyArray<readonly [hours: number, low: number, high: number]> = [
  [1, 35, 80],
  [3, 55, 120],
  [6, 70, 150],
  [12, 85, 175],
  [24, 100, 200],
];

export interface AreaSensitivity {
  /** 0 (most vulnerable: lowest thresholds) … 1 (least). */
  readonly resilience: number;
  /** 立即转移 above 准备转移 as a share of the window's range (0.25–0.4). */
  readonly gap: number;
  readonly withTwelveHours: boolean;
}

/**
 * 准备转移 at 10–50 % up the window's range and 立即转移 a further 25–40 %: both stay inside the range
 * and grow with the window, since one resilience and one gap serve every window of an area.
 */
export function criticalRainfall(area: AreaSensitivity): RainfallThreshold[] {
  return RANGES_MM.filter(([hours]) => hours !== 12 || area.withTwelveHours).map(([windowHours, low, high]) => {
    const range = high - low;
    const prepare = low + range * (0.1 + 0.4 * area.resilience);
    return { windowHours, prepare: Math.round(prepare), evacuate: Math.round(prepare + range * area.gap) };
  });
}
