import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { SlidingMinimum } from './sliding-minimum';

describe('SlidingMinimum', () => {
  it.each([
    ['holds a point exactly the span behind the newest', [[0, 5], [10, 7]], 5, 0],
    ['drops a point 1 ms further behind', [[0, 5], [11, 7]], 7, 11],
    ['keeps the lowest of several', [[0, 5], [3, 2], [6, 4], [9, 6]], 2, 0],
    ['forgets a low point once it leaves the span', [[0, 5], [3, 2], [6, 4], [14, 6]], 4, 6],
  ] as const)('%s', (_case, points, minimum, oldestAt) => {
    const window = new SlidingMinimum(10);
    for (const [at, value] of points) window.add(at, value);
    expect([window.minimum, window.oldestAt]).toEqual([minimum, oldestAt]);
  });

  it('places a late point inside the span', () => {
    const window = new SlidingMinimum(10);
    window.add(0, 5);
    window.add(10, 7);
    expect(window.add(4, 1)).toBe(true);
    expect([window.minimum, window.newestAt, window.newestValue, window.size]).toEqual([1, 10, 7, 3]);
  });

  it.each([
    ['a copy at a time held', 4],
    ['a point 1 ms before the span', -2],
  ] as const)('refuses %s', (_case, at) => {
    const window = new SlidingMinimum(10);
    window.add(4, 5);
    window.add(9, 6);
    expect(window.add(at, 0)).toBe(false);
    expect(window.minimum).toBe(5);
  });

  it('is empty before any point', () => {
    const window = new SlidingMinimum(10);
    expect([window.minimum, window.newestAt, window.oldestAt, window.size]).toEqual([undefined, undefined, undefined, 0]);
  });

  it('agrees with a brute-force minimum over any arrival order, across compactions', () => {
    const span = 40;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: -50, max: 50 })), { maxLength: 600 }), (points) => {
        const window = new SlidingMinimum(span);
        const held = new Map<number, number>();
        for (const [at, value] of points) {
          const newest = Math.max(-Infinity, ...held.keys());
          const accepted = window.add(at, value);
          const expected = !held.has(at) && (held.size === 0 || at >= newest - span);
          expect(accepted).toBe(expected);
          if (expected) held.set(at, value);
          const last = Math.max(...held.keys());
          const inSpan = [...held].filter(([t]) => t >= last - span).map(([, v]) => v);
          expect(window.minimum).toBe(Math.min(...inSpan));
        }
      }),
    );
  });
});
