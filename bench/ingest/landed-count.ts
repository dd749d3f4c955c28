import { setTimeout as delay } from 'node:timers/promises';
import type { LandedStore } from './landed-store';
import { epochMs } from './stats';

export interface CountTimeline {
  /** Epoch ms of the answer that first showed every expected reading (NaN if the deadline came first). */
  readonly completeAt: number;
  readonly finalCount: number;
  /** (answer time, count) of every poll. */
  readonly points: ReadonlyArray<readonly [number, number]>;
  readonly roundTripsMs: number[];
}

/**
 * Polls the store's own count of readings (InfluxDB's `SELECT count("value") FROM "reading"`,
 * SQLite's `SELECT count(*) FROM reading`) until it reaches `expected`. The completion time is
 * that of the answer that first shows the total: late by at most one poll interval plus one
 * query round trip. A failed count is no point (the SQLite file may not be there yet).
 */
export async function pollReadingCount(store: LandedStore, expected: number, deadline: number, intervalMs = 250): Promise<CountTimeline> {
  const points: Array<[number, number]> = [];
  const roundTripsMs: number[] = [];
  for (;;) {
    const sent = epochMs();
    const count = await store.countReadings().catch(() => Number.NaN);
    const at = epochMs();
    roundTripsMs.push(at - sent);
    if (Number.isFinite(count)) points.push([at, count]);
    if (count >= expected) return { completeAt: at, finalCount: count, points, roundTripsMs };
    if (at > deadline) return { completeAt: Number.NaN, finalCount: points[points.length - 1]?.[1] ?? 0, points, roundTripsMs };
    await delay(intervalMs);
  }
}

/** Readings per second while the count went from `from` to `to` of `expected` (first polls past each mark). */
export function steadyRate(timeline: CountTimeline, expected: number, from = 0.1, to = 0.9): number {
  const first = timeline.points.find(([, n]) => n >= expected * from);
  const last = timeline.points.find(([, n]) => n >= expected * to);
  if (!first || !last || last[0] <= first[0]) return Number.NaN;
  return (last[1] - first[1]) / ((last[0] - first[0]) / 1000);
}
