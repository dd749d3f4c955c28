import { withLongestStall } from './longest-stall';

describe('withLongestStall', () => {
  it('reports a synchronous hold of the event loop at least as long as the hold, and the work result', async () => {
    const { result, longestStallMs } = await withLongestStall(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      const until = performance.now() + 80;
      while (performance.now() < until);
      return 'done';
    });
    expect(result).toBe('done');
    expect(longestStallMs).toBeGreaterThanOrEqual(70);
  });
});
