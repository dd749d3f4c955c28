import { describe, expect, it } from '@jest/globals';
import type { SpikePolicy } from './health-policy';
import { isSpike, SpikeWatch } from './spike-watch';

// Binary-exact numbers, so that "exactly at the threshold" is exact.
const policy: SpikePolicy = { jump: 0.5, returnWithin: 0.125, rememberMs: 1_000 };

describe('isSpike', () => {
  it.each([
    ['up and straight back', [2, 3, 2], true],
    ['down and straight back', [2, 1, 2], true],
    ['steps of exactly the jump threshold', [2, 2.5, 2], false],
    ['steps just over the jump threshold', [2, 2.5625, 2], true],
    ['second step too small', [2, 3, 2.5], false],
    ['back exactly within the return tolerance', [2, 3, 2.125], true],
    ['back just outside the return tolerance', [2, 3, 1.8125], false],
    ['a rise that keeps rising (a flood wave)', [2, 3, 4], false],
    ['a rise that holds', [2, 3, 3], false],
  ] as const)('%s %j: %s', (_case, [v0, v1, v2], expected) => {
    expect(isSpike(v0, v1, v2, policy)).toBe(expected);
  });

  it('never calls a steady rise a spike, even with a loose return tolerance', () => {
    const loose: SpikePolicy = { ...policy, returnWithin: 2 };
    expect([isSpike(2, 3, 4, loose), isSpike(2, 3, 2, loose)]).toEqual([false, true]);
  });
});

describe('SpikeWatch', () => {
  it('reports the spike when the value that reverses it arrives, dated at the peak', () => {
    const watch = new SpikeWatch(policy);
    expect(watch.observe(100, 2)).toBeUndefined();
    expect(watch.observe(200, 3)).toBeUndefined();
    expect(watch.observe(300, 2)).toEqual({ at: 200, before: 2, peak: 3, after: 2 });
    expect(watch.observe(400, 2)).toBeUndefined();
  });

  it('remembers spikes from a given time on, and at most eight', () => {
    const watch = new SpikeWatch(policy);
    // 2, 3, 2, 3, … : every value from the third completes a spike.
    for (let i = 0; i < 12; i++) watch.observe(i * 10, i % 2 === 0 ? 2 : 3);
    expect(watch.spikesSince(0).map((s) => s.at)).toEqual([30, 40, 50, 60, 70, 80, 90, 100]);
    expect(watch.spikesSince(81).map((s) => s.at)).toEqual([90, 100]);
  });
});
