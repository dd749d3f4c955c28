import { backoffDelay } from './backoff';

const options = { initialMs: 100, maxMs: 10_000 };
const lowest = () => 0;
const highest = () => 1;

describe('backoffDelay', () => {
  it('waits between half and all of the initial delay on the first attempt', () => {
    expect(backoffDelay(0, options, lowest)).toBe(50);
    expect(backoffDelay(0, options, highest)).toBe(100);
  });

  it('doubles the ceiling with each attempt', () => {
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, highest))).toEqual([100, 200, 400, 800, 1600]);
    expect([0, 1, 2, 3, 4].map((attempt) => backoffDelay(attempt, options, lowest))).toEqual([50, 100, 200, 400, 800]);
  });

  it('never exceeds the cap, however many attempts failed', () => {
    expect(backoffDelay(7, options, highest)).toBe(10_000);
    expect(backoffDelay(7, options, lowest)).toBe(5_000);
    for (const attempt of [8, 30, 31, 1_000, Number.MAX_SAFE_INTEGER]) {
      expect(backoffDelay(attempt, options, highest)).toBe(10_000);
    }
  });

  it('caps even the first attempt when the initial delay is above the cap', () => {
    expect(backoffDelay(0, { initialMs: 500, maxMs: 200 }, highest)).toBe(200);
  });

  it('spreads the delay linearly over the upper half of the ceiling with the random draw', () => {
    expect([0, 0.25, 0.5, 0.75, 0.999].map((draw) => backoffDelay(2, options, () => draw))).toEqual([200, 250, 300, 350, 400]);
  });

  it('returns whole milliseconds', () => {
    const delay = backoffDelay(0, { initialMs: 3, maxMs: 1000 }, () => 1 / 3);
    expect(Number.isInteger(delay)).toBe(true);
    expect(delay).toBe(2);
  });

  it('draws from Math.random when no random source is given', () => {
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      expect(backoffDelay(1, options)).toBe(150);
      expect(random).toHaveBeenCalledTimes(1);
    } finally {
      random.mockRestore();
    }
  });
});
