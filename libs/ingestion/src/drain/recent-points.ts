import type { Reading } from '@hydro/domain';
import { LRUCache } from 'lru-cache';

export interface PointsSorted {
  /** Readings to write: new ones and corrections. */
  readonly fresh: Reading[];
  /** Readings whose identical value was just written (the other channel's copy, a redelivery). */
  readonly duplicates: number;
  /** Readings that change a value written before: kept, written, and logged. */
  readonly corrections: Reading[];
}

/**
 * Remembers what was last written for recent point identities (station, element,
 * observation time), so exact copies are not rewritten and real corrections are seen.
 * Forgetting is safe: a forgotten point is simply rewritten, which is idempotent.
 */
export class RecentPoints {
  private readonly written: LRUCache<string, string>;

  constructor(capacity: number) {
    this.written = new LRUCache({ max: capacity });
  }

  sort(readings: readonly Reading[]): PointsSorted {
    const latest = new Map<string, Reading>();
    for (const reading of readings) latest.set(identity(reading), reading);
    const fresh: Reading[] = [];
    const corrections: Reading[] = [];
    for (const [key, reading] of latest) {
      const before = this.written.get(key);
      if (before === signature(reading)) continue;
      if (before !== undefined) corrections.push(reading);
      fresh.push(reading);
    }
    return { fresh, duplicates: readings.length - fresh.length, corrections };
  }

  /** Call once the store confirmed the write. */
  remember(readings: readonly Reading[]): void {
    for (const reading of readings) this.written.set(identity(reading), signature(reading));
  }

  previous(reading: Reading): string | undefined {
    return this.written.get(identity(reading));
  }
}

function identity(reading: Reading): string {
  return `${reading.stationId}|${reading.element}|${reading.observedAt}`;
}

function signature(reading: Reading): string {
  return `${reading.value}|${reading.quality}`;
}
