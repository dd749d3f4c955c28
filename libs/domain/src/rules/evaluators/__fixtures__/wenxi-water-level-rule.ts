import type { WaterLevelRule } from '../../rule-set';

const MIN = 60_000;

/** A river gauge's 警戒 and 保证 levels (4.2 m yellow, 5.0 m orange), 0.1 m hysteresis; specs state what they change. */
export function wenxiWaterLevelRule(stationId: string, overrides: Partial<WaterLevelRule> = {}): WaterLevelRule {
  return {
    id: 'wl-wenxi',
    kind: 'water_level',
    stationId,
    direction: 'rising',
    thresholds: [
      { code: 'warning', name: '警戒水位', level: 4.2, severity: 'yellow' },
      { code: 'guaranteed', name: '保证水位', level: 5.0, severity: 'orange' },
    ],
    hysteresis: 0.1,
    minDurationMs: 0,
    clearingDelayMs: 30 * MIN,
    staleAfterMs: 60 * MIN,
    ...overrides,
  };
}
