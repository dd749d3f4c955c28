import type { Station } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import { formatBeijing } from '../time/beijing-time';
import { clipRanges, intersectRanges, rangeContains, rangesOverlap, type TimeRange } from '../time/time-range';
import type { MaintenanceEnded, MaintenanceEvent, MaintenanceOpened } from './maintenance-event';
import {
  AmbiguousMaintenanceError,
  InvalidMaintenanceRequestError,
  MaintenanceError,
  MaintenanceOverlapError,
  NoOpenMaintenanceError,
  UnknownMaintenanceWindowError,
  UnknownStationError,
  describeTarget,
} from './maintenance.error';
import { effectiveEnd, windowAppliesTo, windowRange, type MaintenanceWindow } from './maintenance-window';
import { checkMaintenanceRequest, type OpenMaintenanceRequest } from './open-maintenance-request';

export interface MaintenanceStations {
  get(id: string): Station | undefined;
}

/** End the one window open at a station now, or a given window. */
export type MaintenanceEndTarget = { readonly stationId: string } | { readonly windowId: string };

const WINDOW_ID = /^MW-(\d+)$/;

/**
 * Every maintenance window, rebuilt by folding the `maintenance` event stream. `open` and `end` decide
 * and return an event without changing anything; the owner appends the event to the log, then `apply`s
 * it. The owner must run one decision at a time (decide, append, apply), or two overlapping requests
 * could both pass the overlap check.
 */
export class MaintenanceCalendar {
  private readonly byId = new Map<string, MaintenanceWindow>();
  private readonly byStation = new Map<string, MaintenanceWindow[]>();
  private lastNumber = 0;

  constructor(private readonly stations: MaintenanceStations) {}

  /** The calendar as the history leaves it. */
  static fold(events: readonly MaintenanceEvent[], stations: MaintenanceStations): MaintenanceCalendar {
    const calendar = new MaintenanceCalendar(stations);
    for (const event of events) calendar.apply(event);
    return calendar;
  }

  /**
   * Applies an event from the log. Replays are harmless: an `opened` for a known id and a second `ended`
   * change nothing. An `ended` for a window never opened means a damaged log, and throws.
   */
  apply(event: MaintenanceEvent): void {
    switch (event.type) {
      case 'opened': {
        if (this.byId.has(event.window.id)) return;
        this.put({ ...event.window });
        const number = WINDOW_ID.exec(event.window.id)?.[1];
        if (number !== undefined) this.lastNumber = Math.max(this.lastNumber, Number(number));
        return;
      }
      case 'ended': {
        const window = this.byId.get(event.windowId);
        if (!window) throw new Error(`Maintenance history ends window ${event.windowId}, which was never opened`);
        if (window.endedAt !== undefined) return;
        this.put({ ...window, endedAt: event.at, endedBy: event.actor });
        return;
      }
    }
  }

  /** Decides whether the request may open a window; the event to append, or why not. */
  open(request: OpenMaintenanceRequest, now: number): MaintenanceOpened | MaintenanceError {
    const station = this.stations.get(request.stationId);
    if (!station) return new UnknownStationError(request.stationId);
    const checked = checkMaintenanceRequest(request, station, now);
    if (checked instanceof MaintenanceError) return checked;

    const planned: TimeRange = { from: checked.from, to: checked.until };
    const clash = this.windowsOf(station.id).find(
      (existing) =>
        (existing.channel === undefined || checked.channel === undefined || existing.channel === checked.channel) &&
        rangesOverlap(windowRange(existing), planned),
    );
    if (clash) return new MaintenanceOverlapError(clash);

    const actor = request.actor.trim();
    return {
      type: 'opened',
      window: {
        id: `MW-${this.lastNumber + 1}`,
        stationId: station.id,
        ...(checked.channel === undefined ? {} : { channel: checked.channel }),
        reason: checked.reason,
        from: checked.from,
        until: checked.until,
        openedBy: actor,
      },
      at: now,
      actor,
      reason: checked.reason,
    };
  }

  /**
   * Decides whether a window may be ended now; the event to append, or why not. A window not yet begun
   * can be ended too: that cancels it. By station, exactly one window must be open there now.
   */
  end(target: MaintenanceEndTarget, actor: string, reason: string | undefined, now: number): MaintenanceEnded | MaintenanceError {
    if (actor.trim() === '') return new InvalidMaintenanceRequestError('actor', 'The request names no maintainer; sign in again');
    const window =
      'windowId' in target
        ? (this.byId.get(target.windowId) ?? new UnknownMaintenanceWindowError(target.windowId))
        : this.openAtStation(target.stationId, now);
    if (window instanceof MaintenanceError) return window;
    if (effectiveEnd(window) <= now) {
      return new NoOpenMaintenanceError(
        `Maintenance window ${window.id} on ${describeTarget(window)} ended at ${formatBeijing(effectiveEnd(window))} Beijing time; nothing to end`,
      );
    }
    const why = reason?.trim();
    return { type: 'ended', windowId: window.id, at: now, actor: actor.trim(), ...(why ? { reason: why } : {}) };
  }

  get(windowId: string): MaintenanceWindow | undefined {
    return this.byId.get(windowId);
  }

  /** Every window ever opened, in the order they were opened. */
  windows(): MaintenanceWindow[] {
    return [...this.byId.values()];
  }

  /** Windows in force at `now`, by station, then start. */
  active(now: number): MaintenanceWindow[] {
    return this.windows()
      .filter((window) => rangeContains(windowRange(window), now))
      .sort((a, b) => a.stationId.localeCompare(b.stationId) || a.from - b.from);
  }

  /** A station's windows that share time with the range (and cancelled ones planned to start in it), by start. */
  windowsFor(stationId: string, range: TimeRange): MaintenanceWindow[] {
    return this.windowsOf(stationId)
      .filter((window) =>
        effectiveEnd(window) === window.from ? rangeContains(range, window.from) : rangesOverlap(windowRange(window), range),
      )
      .sort((a, b) => a.from - b.from);
  }

  /**
   * Whether a channel is out of service at `at`: its own window or a whole-station window covers it.
   * For `channel` undefined, whether the whole station is: a whole-station window covers it, or every
   * channel the station has is under maintenance (then it cannot report at all, which is the same thing).
   */
  isUnderMaintenance(stationId: string, channel: Channel | undefined, at: number): boolean {
    return this.intervals(stationId, channel, { from: at, to: at + 1 }).length > 0;
  }

  /**
   * The time under maintenance within the range, merged and clipped, for leaving it out of arrival rates.
   * For a channel: its own windows and whole-station windows. For the station (`undefined`): whole-station
   * windows and the time when every channel is under maintenance at once (see isUnderMaintenance).
   */
  intervals(stationId: string, channel: Channel | undefined, range: TimeRange): TimeRange[] {
    const windows = this.windowsOf(stationId);
    const covering = (c: Channel | undefined) => clipRanges(windows.filter((w) => windowAppliesTo(w, c)).map(windowRange), range);
    if (channel !== undefined) return covering(channel);
    const channels = this.stations.get(stationId)?.channels ?? [];
    if (channels.length === 0) return covering(undefined);
    return channels.slice(1).reduce((both, c) => intersectRanges(both, covering(c)), covering(channels[0]));
  }

  private openAtStation(stationId: string, now: number): MaintenanceWindow | MaintenanceError {
    if (!this.stations.get(stationId) && !this.byStation.has(stationId)) return new UnknownStationError(stationId);
    const open = this.windowsOf(stationId).filter((window) => rangeContains(windowRange(window), now));
    const [only, ...others] = open;
    if (only === undefined) return new NoOpenMaintenanceError(`Station ${stationId} has no maintenance window open now; nothing to end`);
    if (others.length > 0) return new AmbiguousMaintenanceError(stationId, open);
    return only;
  }

  private windowsOf(stationId: string): readonly MaintenanceWindow[] {
    return this.byStation.get(stationId) ?? [];
  }

  private put(window: MaintenanceWindow): void {
    this.byId.set(window.id, window);
    const windows = this.byStation.get(window.stationId) ?? [];
    const at = windows.findIndex((w) => w.id === window.id);
    if (at >= 0) windows[at] = window;
    else windows.push(window);
    this.byStation.set(window.stationId, windows);
  }
}
