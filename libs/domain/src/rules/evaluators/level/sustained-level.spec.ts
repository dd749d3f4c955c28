import { describe, expect, it } from '@jest/globals';
import { startSustainedLevel, sustainLevel, type SustainedLevel } from './sustained-level';

const MIN = 60_000;
const D = 30 * MIN;

/** Counted level after feeding (time, instant level) pairs in order, with three levels above normal. */
function countedAfter(observations: readonly (readonly [number, number])[], minDurationMs = D): number {
  let state: SustainedLevel = startSustainedLevel(3);
  for (const [at, instant] of observations) state = sustainLevel(state, instant, at, minDurationMs);
  return state.counted;
}

describe('sustainLevel', () => {
  it.each([
    ['a level with no minimum duration counts at once', [[0, 1]], 0, 1],
    ['a first crossing alone does not count yet', [[0, 1]], D, 0],
    ['held exactly the minimum duration counts', [[0, 1], [D, 1]], D, 1],
    ['held 1 ms short does not count', [[0, 1], [D - 1, 1]], D, 0],
    ['a reading back below breaks the run', [[0, 1], [10 * MIN, 0], [D, 1]], D, 0],
    ['a run restarted after a break counts from the restart', [[0, 1], [10 * MIN, 0], [20 * MIN, 1], [20 * MIN + D, 1]], D, 1],
    ['the highest level held for the duration wins', [[0, 3], [D, 3]], D, 3],
    ['a dip to a lower level keeps the lower level running', [[0, 2], [15 * MIN, 1], [D, 2]], D, 1],
    ['a higher level reached later waits for its own duration', [[0, 1], [20 * MIN, 2], [D, 2]], D, 1],
    ['…and then counts', [[0, 1], [20 * MIN, 2], [20 * MIN + D, 2]], D, 2],
    ['a drop counts only after the duration (1 ms short)', [[0, 2], [D, 2], [40 * MIN, 0], [40 * MIN + D - 1, 0]], D, 2],
    ['a drop counts after exactly the duration', [[0, 2], [D, 2], [40 * MIN, 0], [40 * MIN + D, 0]], D, 0],
    ['a drop in steps lands on the level held for the duration', [[0, 2], [D, 2], [40 * MIN, 1], [50 * MIN, 0], [70 * MIN, 0]], D, 1],
    ['a brief return during a drop restarts it', [[0, 2], [D, 2], [40 * MIN, 0], [50 * MIN, 2], [70 * MIN, 0]], D, 2],
    ['with no minimum duration a drop counts at once', [[0, 3], [1, 1]], 0, 1],
  ] as const)('%s', (_case, observations, minDurationMs, expected) => {
    expect(countedAfter(observations, minDurationMs)).toBe(expected);
  });

  it('remembers when each run began, and forgets broken runs', () => {
    let state = startSustainedLevel(2);
    state = sustainLevel(state, 2, 100, D);
    state = sustainLevel(state, 1, 200, D);
    expect(state.instant).toBe(1);
    expect(state.upSince).toEqual([100, 100, Number.NaN]);
    expect(state.downSince).toEqual([Number.NaN, 200, 100]);
  });
});
