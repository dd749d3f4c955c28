import type { Severity, Station, WaterLevelRule } from '@hydro/domain';

/** A river gauge that will jump from calm to just above its 警戒水位 in one report: one known `raised` transition. */
export interface PlannedCrossing {
  readonly stationId: string;
  readonly ruleId: string;
  readonly calmLevel: number;
  readonly crossingLevel: number;
  /** The severity the alert must be raised at. */
  readonly severity: Severity;
  /** The threshold crossed, for the report. */
  readonly thresholdName: string;
}

/** How far from a threshold calm and crossing levels sit (m): clear of hysteresis and of rounding. */
const CALM_MARGIN_M = 1;
const CROSSING_MARGIN_M = 0.05;

/**
 * The rising water-level rules that judge at once (no minimum duration) and whose gauge can physically
 * report both a calm level and one just above 警戒水位 (or the rule's second level) without either being
 * outside the station's hard limits (a suspect reading never raises an alert). In rule order.
 */
export function planCrossings(rules: readonly WaterLevelRule[], stations: ReadonlyMap<string, Station>): PlannedCrossing[] {
  const planned: PlannedCrossing[] = [];
  for (const rule of rules) {
    if (rule.direction !== 'rising' || rule.minDurationMs !== 0) continue;
    const station = stations.get(rule.stationId);
    const limits = station?.limits.water_level;
    const first = rule.thresholds[0];
    const index = Math.max(0, rule.thresholds.findIndex((t) => t.code === 'warning'));
    const crossed = rule.thresholds[index];
    if (station === undefined || limits === undefined || first === undefined || crossed === undefined) continue;
    const next = rule.thresholds[index + 1];
    const calmLevel = round3(Math.max(limits.min, first.level - CALM_MARGIN_M));
    const crossingLevel = round3(crossed.level + CROSSING_MARGIN_M);
    if (calmLevel > round3(first.level - rule.hysteresis - CROSSING_MARGIN_M)) continue;
    if (crossingLevel > limits.max || (next !== undefined && crossingLevel >= next.level)) continue;
    planned.push({ stationId: rule.stationId, ruleId: rule.id, calmLevel, crossingLevel, severity: crossed.severity, thresholdName: crossed.name });
  }
  return planned;
}

/**
 * A level below every rising rule and above every falling one of the station, inside its hard limits,
 * so that calm reports raise nothing; undefined when the rules leave no such level.
 */
export function calmLevelFor(station: Station, rules: readonly WaterLevelRule[]): number | undefined {
  const limits = station.limits.water_level ?? { min: 0, max: 10 };
  let low = limits.min;
  let high = limits.max;
  for (const rule of rules) {
    const first = rule.thresholds[0];
    if (first === undefined) continue;
    if (rule.direction === 'rising') high = Math.min(high, round3(first.level - rule.hysteresis - CROSSING_MARGIN_M));
    else low = Math.max(low, round3(first.level + rule.hysteresis + CROSSING_MARGIN_M));
  }
  // Levels are compared to the mm, as the gauges report them.
  if (low > high) return undefined;
  // Well clear of the thresholds when there is room, as a river between floods is.
  return round3(Math.max(low, Math.min(high - CALM_MARGIN_M + CROSSING_MARGIN_M, (low + high) / 2)));
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}
