import type { Clock } from '@hydro/domain';

/** The wall clock; the only place the process reads it. */
export const systemClock: Clock = { now: () => Date.now() };
