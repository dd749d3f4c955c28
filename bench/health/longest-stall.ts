/** A timer due every TICK_MS; how late it ran is how long the event loop was held. */
const TICK_MS = 5;

/**
 * Runs `work` while a timer watches the event loop, and answers the longest time the loop was held
 * (a synchronous query on the main thread holds it for the whole query; one in a worker thread does not).
 */
export async function withLongestStall<T>(work: () => Promise<T>): Promise<{ readonly result: T; readonly longestStallMs: number }> {
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - TICK_MS);
    last = now;
  }, TICK_MS);
  try {
    const result = await work();
    // One more turn, so that a hold which ends with the work is measured too.
    await new Promise<void>((resolve) => setTimeout(resolve, TICK_MS * 2));
    return { result, longestStallMs: Math.max(longest, 0) };
  } finally {
    clearInterval(timer);
  }
}
