import type { Station } from '../stations/station';
import type { Channel } from '../telemetry/channel';
import { formatBeijing } from '../time/beijing-time';
import { MINUTE_MS } from '../time/durations';
import { InvalidMaintenanceRequestError } from './maintenance.error';

/** What a maintainer asks for when putting a station or channel under maintenance. */
export interface OpenMaintenanceRequest {
  readonly stationId: string;
  /** `cellular` or `beidou`; absent for the whole station. A string, so a wrong one is reported, not cast. */
  readonly channel?: string;
  readonly reason: string;
  /** Start, epoch ms; absent: now. */
  readonly from?: number;
  /** Planned end, epoch ms. */
  readonly until: number;
  /** Who asks, from authentication. */
  readonly actor: string;
}

/**
 * How far in the past a requested start may lie. It absorbs the clock difference between a maintainer's
 * device and the centre and the time spent filling in the form; the start is then moved to now, because
 * maintenance never rewrites history (arrival rates already reported, offline alerts already raised).
 */
export const MAINTENANCE_START_TOLERANCE_MS = 5 * MINUTE_MS;

/** A request whose fields are valid on their own: channel known, reason given, times in order. */
export interface CheckedMaintenanceRequest {
  readonly channel?: Channel;
  readonly reason: string;
  readonly from: number;
  readonly until: number;
}

/** Checks the request against its station and `now`; overlaps are the calendar's to check. */
export function checkMaintenanceRequest(
  request: OpenMaintenanceRequest,
  station: Station,
  now: number,
): CheckedMaintenanceRequest | InvalidMaintenanceRequestError {
  const invalid = (field: string, message: string) => new InvalidMaintenanceRequestError(field, message);
  if (request.actor.trim() === '') return invalid('actor', 'The request names no maintainer; sign in again');

  const channel = station.channels.find((c) => c === request.channel);
  if (request.channel !== undefined && channel === undefined) {
    return invalid(
      'channel',
      `Station ${station.id} reports over ${station.channels.join(' and ')} only, not "${request.channel}"; ` +
        'choose one of those or leave channel out for the whole station',
    );
  }

  const reason = request.reason.trim();
  if (reason === '') return invalid('reason', 'Say why the station is under maintenance (e.g. "replacing the battery")');

  if (request.from !== undefined && !Number.isFinite(request.from)) return invalid('from', 'from must be a time');
  if (!Number.isFinite(request.until)) return invalid('until', 'until must be a time');
  if (request.from !== undefined && request.from < now - MAINTENANCE_START_TOLERANCE_MS) {
    return invalid(
      'from',
      `The start ${formatBeijing(request.from)} Beijing time is in the past; maintenance cannot be backdated: leave from out to start now`,
    );
  }
  const from = Math.max(request.from ?? now, now);
  if (request.until <= now) {
    return invalid('until', `The end ${formatBeijing(request.until)} Beijing time is not in the future; choose a later end`);
  }
  if (request.until <= from) {
    return invalid(
      'until',
      `The end ${formatBeijing(request.until)} must be after the start ${formatBeijing(from)} Beijing time; choose a later end`,
    );
  }
  return { ...(channel === undefined ? {} : { channel }), reason, from, until: request.until };
}
