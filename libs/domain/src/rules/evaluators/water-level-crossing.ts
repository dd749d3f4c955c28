import type { WaterLevelRule } from '../rule-set';
import { LEVEL_TOLERANCE_M } from './level/level-tolerance';

/**
 * The highest threshold a reading holds, numbered 1… in the rule's order (0: none), with hysteresis.
 * A threshold is reached at or beyond its level (≥ rising, ≤ falling). Once held (`previouslyHeld` at
 * or above it) it is kept until the water is back on the safe side by at least the hysteresis:
 * rising, `value ≤ level − hysteresis` clears it and anything above keeps it (4.20 reached, hysteresis
 * 0.10: 4.15 and 4.101 keep 4.20, 4.10 clears it). With no hysteresis, falling below clears at once.
 */
export function heldThreshold(rule: Pick<WaterLevelRule, 'direction' | 'thresholds' | 'hysteresis'>, value: number, previouslyHeld: number): number {
  const sign = rule.direction === 'rising' ? 1 : -1;
  for (let k = rule.thresholds.length; k >= 1; k--) {
    // How far the water is beyond the level, positive on the dangerous side.
    const beyond = sign * (value - rule.thresholds[k - 1]!.level);
    if (beyond >= -LEVEL_TOLERANCE_M) return k;
    if (k <= previouslyHeld && -beyond < rule.hysteresis - LEVEL_TOLERANCE_M) return k;
  }
  return 0;
}
