import { describe, expect, it } from '@jest/globals';
import type { WaterLevelRule } from '../rule-set';
import { heldThreshold } from './water-level-crossing';

const rising: Pick<WaterLevelRule, 'direction' | 'thresholds' | 'hysteresis'> = {
  direction: 'rising',
  hysteresis: 0.1,
  thresholds: [
    { code: 'warning', name: '警戒水位', level: 4.2, severity: 'yellow' },
    { code: 'guaranteed', name: '保证水位', level: 5.0, severity: 'orange' },
  ],
};
const falling: typeof rising = {
  direction: 'falling',
  hysteresis: 0.1,
  thresholds: [
    { code: 'low', name: '低水位', level: 2.0, severity: 'blue' },
    { code: 'very_low', name: '最低通航水位', level: 1.5, severity: 'yellow' },
  ],
};

describe('heldThreshold', () => {
  it.each([
    ['below every level', 4.199, 0, 0],
    ['exactly at the first level', 4.2, 0, 1],
    ['between the levels', 4.999, 0, 1],
    ['exactly at the second level', 5.0, 0, 2],
    ['far above all', 9, 0, 2],
    ['just below a level not held before', 4.15, 0, 0],
    ['inside the hysteresis of a level held', 4.15, 1, 1],
    ['1 mm short of clearing the hysteresis', 4.101, 1, 1],
    ['exactly the hysteresis back: cleared', 4.1, 1, 0],
    ['beyond the hysteresis', 4.0, 1, 0],
    ['back from the second level into its hysteresis', 4.95, 2, 2],
    ['back from the second level past its hysteresis, still over the first', 4.9, 2, 1],
    ['back from the second level past both hysteresis bands', 4.1, 2, 0],
    ['a level not held before gets no hysteresis', 4.95, 1, 1],
  ] as const)('rising: %s (%p, held %p) → %p', (_case, value, previouslyHeld, expected) => {
    expect(heldThreshold(rising, value, previouslyHeld)).toBe(expected);
  });

  it.each([
    ['above every level', 2.001, 0, 0],
    ['exactly at the first level', 2.0, 0, 1],
    ['exactly at the second level', 1.5, 0, 2],
    ['inside the hysteresis of the second level', 1.55, 2, 2],
    ['exactly the hysteresis back from the second level', 1.6, 2, 1],
    ['exactly the hysteresis back from the first level', 2.1, 1, 0],
    ['1 mm short of it', 2.099, 1, 1],
  ] as const)('falling: %s (%p, held %p) → %p', (_case, value, previouslyHeld, expected) => {
    expect(heldThreshold(falling, value, previouslyHeld)).toBe(expected);
  });

  it('with no hysteresis clears as soon as the level is no longer reached', () => {
    const sharp = { ...rising, hysteresis: 0 };
    expect([heldThreshold(sharp, 4.2, 1), heldThreshold(sharp, 4.199, 1)]).toEqual([1, 0]);
  });
});
