import { setTimeout as delay } from 'node:timers/promises';

/**
 * Polls until `probe` returns a value that `done` accepts, and returns it. The deadline only
 * keeps a broken run from hanging; no test asserts on how long anything took.
 */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 120_000): Promise<T> {
  const until = Date.now() + deadlineMs;
  let last: T | undefined;
  for (;;) {
    try {
      last = await probe();
      if (done(last)) return last;
    } catch {
      // Not answering yet counts as not done.
    }
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await delay(200);
  }
}
