import { describe, expect, it } from '@jest/globals';
import { SilenceWatch } from './silence-watch';

describe('SilenceWatch', () => {
  it.each([
    ['1 ms short of the stale time', 1_999, undefined],
    ['exactly the stale time', 2_000, { type: 'no_data', since: 1_000 }],
    ['long after', 9_000, { type: 'no_data', since: 1_000 }],
  ] as const)('at %s after the newest observation', (_case, now, expected) => {
    expect(new SilenceWatch(1_000).check(1_000, now)).toEqual(expected);
  });

  it('says so once per silence, and again after a newer observation falls silent', () => {
    const watch = new SilenceWatch(1_000);
    expect([watch.check(0, 1_000), watch.check(0, 5_000), watch.check(3_000, 3_500), watch.check(3_000, 4_000)]).toEqual([
      { type: 'no_data', since: 0 },
      undefined,
      undefined,
      { type: 'no_data', since: 3_000 },
    ]);
  });

  it('says nothing before any observation', () => {
    expect(new SilenceWatch(0).check(undefined, 1e15)).toBeUndefined();
  });
});
