import { mergeRanges, type TimeRange } from '../../time/time-range';
import type { ScheduleWindow } from '../rule-set';

/**
 * When a venue's band applies. Windows are half-open [from, to), epoch ms (Beijing times as the
 * loader read them). Windows that overlap or touch form one session: the band never lapses between
 * them, so neither its minimum duration nor an open alert starts again at the seam.
 */
export class VenueSchedule {
  readonly sessions: readonly TimeRange[];
  private readonly windows: readonly ScheduleWindow[];

  constructor(windows: readonly ScheduleWindow[]) {
    this.windows = [...windows].sort((a, b) => a.from - b.from || a.to - b.to);
    this.sessions = mergeRanges(windows);
  }

  /** Index of the session containing `at`, or −1 outside them all. */
  sessionAt(at: number): number {
    const index = this.lastSessionFromAtOrBefore(at);
    return index >= 0 && at < this.sessions[index]!.to ? index : -1;
  }

  /** Label of the window containing `at` (the latest-starting one if several do); undefined outside. */
  labelAt(at: number): string | undefined {
    let label: string | undefined;
    for (const window of this.windows) {
      if (window.from > at) break;
      if (at < window.to) label = window.label;
    }
    return label;
  }

  /** The latest session that has ended by `now` (its `to` at or before it). */
  lastEndedBy(now: number): TimeRange | undefined {
    let index = this.lastSessionFromAtOrBefore(now);
    if (index >= 0 && this.sessions[index]!.to > now) index--;
    return index >= 0 ? this.sessions[index] : undefined;
  }

  /** The first session starting after `at`. */
  nextAfter(at: number): TimeRange | undefined {
    const index = this.lastSessionFromAtOrBefore(at) + 1;
    return this.sessions[index];
  }

  private lastSessionFromAtOrBefore(at: number): number {
    let low = 0;
    let high = this.sessions.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.sessions[mid]!.from <= at) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }
}
