import { describe, expect, it } from '@jest/globals';
import { DEFAULT_HEALTH_POLICY, healthPolicyProblems } from './health-policy';

describe('healthPolicyProblems', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(healthPolicyProblems(DEFAULT_HEALTH_POLICY)).toEqual([]);
  });

  it.each([
    ['offlineAfterMissed', { offlineAfterMissed: 0 }],
    ['allowanceMs.beidou', { allowanceMs: { cellular: 0, beidou: -1 } }],
    ['clockDrift.minSamples must not exceed', { clockDrift: { samples: 3, minSamples: 4, limitMs: 1 } }],
    ['levelStuck.quietFlatMs', { levelStuck: { ...DEFAULT_HEALTH_POLICY.levelStuck, quietFlatMs: 1 } }],
    ['spike.jump', { spike: { ...DEFAULT_HEALTH_POLICY.spike, jump: Number.NaN } }],
    ['maxPointsPerSeries', { maxPointsPerSeries: 2 }],
  ])('names %s when it is unusable', (name, change) => {
    const problems = healthPolicyProblems({ ...DEFAULT_HEALTH_POLICY, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(name);
  });
});
