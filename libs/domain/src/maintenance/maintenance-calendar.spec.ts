import { describe, expect, it } from '@jest/globals';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { calendarWith, NOW, opened, rain, request, river, stations } from './__fixtures__/maintenance-calendar.fixtures';
import { MaintenanceCalendar } from './maintenance-calendar';
import type { MaintenanceEvent } from './maintenance-event';
import {
  AmbiguousMaintenanceError,
  InvalidMaintenanceRequestError,
  MaintenanceError,
  MaintenanceOverlapError,
  NoOpenMaintenanceError,
  UnknownMaintenanceWindowError,
  UnknownStationError,
} from './maintenance.error';
import { effectiveEnd } from './maintenance-window';
import { MAINTENANCE_START_TOLERANCE_MS } from './open-maintenance-request';

describe('MaintenanceCalendar.open', () => {
  it('opens a window from now to the planned end, recording who and why', () => {
    expect(new MaintenanceCalendar(stations).open(request({ channel: 'beidou' }), NOW)).toEqual({
      type: 'opened',
      window: {
        id: 'MW-1',
        stationId: river.id,
        channel: 'beidou',
        reason: 'replacing the battery',
        from: NOW,
        until: NOW + 4 * HOUR_MS,
        openedBy: 'zhang.wei',
      },
      at: NOW,
      actor: 'zhang.wei',
      reason: 'replacing the battery',
    });
  });

  it('numbers windows after the highest id so far', () => {
    const calendar = calendarWith({ until: NOW + HOUR_MS }, { stationId: rain.id });
    expect(opened(calendar.open(request({ from: NOW + HOUR_MS }), NOW)).window.id).toBe('MW-3');
  });

  it.each([
    ['a future start', NOW + HOUR_MS, NOW + HOUR_MS],
    ['a start just in the past', NOW - MINUTE_MS, NOW],
    ['a start exactly at the tolerance', NOW - MAINTENANCE_START_TOLERANCE_MS, NOW],
  ])('keeps %s, never before now', (_case, from, expectedFrom) => {
    expect(opened(new MaintenanceCalendar(stations).open(request({ from }), NOW)).window.from).toBe(expectedFrom);
  });

  it.each([
    [
      'a start one ms beyond the tolerance',
      { from: NOW - MAINTENANCE_START_TOLERANCE_MS - 1 },
      'from',
      'The start 2023-09-21 09:54 Beijing time is in the past; maintenance cannot be backdated: leave from out to start now',
    ],
    ['an end at now', { until: NOW }, 'until', 'The end 2023-09-21 10:00 Beijing time is not in the future; choose a later end'],
    [
      'an end at the start',
      { from: NOW + HOUR_MS, until: NOW + HOUR_MS },
      'until',
      'The end 2023-09-21 11:00 must be after the start 2023-09-21 11:00 Beijing time; choose a later end',
    ],
    ['an empty reason', { reason: '  ' }, 'reason', 'Say why the station is under maintenance (e.g. "replacing the battery")'],
    [
      'a channel the station lacks',
      { stationId: rain.id, channel: 'beidou' },
      'channel',
      'Station 70500341 reports over cellular only, not "beidou"; choose one of those or leave channel out for the whole station',
    ],
    [
      'a channel that does not exist',
      { channel: 'satellite' },
      'channel',
      'Station 70100001 reports over cellular and beidou only, not "satellite"; choose one of those or leave channel out for the whole station',
    ],
    ['no maintainer', { actor: '' }, 'actor', 'The request names no maintainer; sign in again'],
  ])('refuses %s, naming the field', (_case, overrides, field, message) => {
    const result = new MaintenanceCalendar(stations).open(request(overrides), NOW);
    expect(result).toBeInstanceOf(InvalidMaintenanceRequestError);
    expect(result).toMatchObject({ code: 'invalid', field, message });
  });

  it('accepts an end one ms after now', () => {
    expect(opened(new MaintenanceCalendar(stations).open(request({ until: NOW + 1 }), NOW)).window.until).toBe(NOW + 1);
  });

  it('refuses a station not in the registry', () => {
    const result = new MaintenanceCalendar(stations).open(request({ stationId: '79999999' }), NOW);
    expect(result).toBeInstanceOf(UnknownStationError);
    expect(result).toMatchObject({
      code: 'unknown-station',
      field: 'stationId',
      message: 'No station 79999999 in the registry; check the station code',
    });
  });

  it.each([
    [undefined, undefined, true],
    [undefined, 'cellular', true],
    ['cellular', undefined, true],
    ['cellular', 'cellular', true],
    ['cellular', 'beidou', false],
    ['beidou', 'cellular', false],
  ] as const)('with a window on %s, an overlapping one on %s is refused: %s', (existing, wanted, refused) => {
    const calendar = calendarWith({ channel: existing });
    const result = calendar.open(request({ channel: wanted, from: NOW + HOUR_MS, until: NOW + 10 * HOUR_MS }), NOW);
    expect(result instanceof MaintenanceOverlapError).toBe(refused);
  });

  it('names the window in the way and its times', () => {
    const calendar = calendarWith({ channel: 'beidou' });
    expect(calendar.open(request(), NOW)).toMatchObject({
      code: 'overlap',
      existing: { id: 'MW-1' },
      message:
        'Overlaps maintenance window MW-1 on the beidou channel of station 70100001, 2023-09-21 10:00 to 2023-09-21 14:00 Beijing time; ' +
        'end MW-1 first or choose times outside it',
    });
  });

  it.each([
    ['starting exactly at its end', false, NOW + 4 * HOUR_MS, NOW + 5 * HOUR_MS],
    ['starting one ms before its end', true, NOW + 4 * HOUR_MS - 1, NOW + 5 * HOUR_MS],
    ['ending exactly at the start of a planned one', false, NOW + 4 * HOUR_MS, NOW + 6 * HOUR_MS],
    ['ending one ms after the start of a planned one', true, NOW + 4 * HOUR_MS, NOW + 6 * HOUR_MS + 1],
  ])('treats windows as half-open: a new window %s overlaps: %s', (_case, refused, from, until) => {
    const calendar = calendarWith({ from: NOW, until: NOW + 4 * HOUR_MS }, { from: NOW + 6 * HOUR_MS, until: NOW + 8 * HOUR_MS });
    const result = calendar.open(request({ stationId: river.id, from, until }), NOW);
    expect(result instanceof MaintenanceOverlapError).toBe(refused);
  });
});

describe('MaintenanceCalendar.end', () => {
  it('ends a window early: from then on the station is back in service', () => {
    const calendar = calendarWith({});
    const later = NOW + HOUR_MS;
    const event = calendar.end({ windowId: 'MW-1' }, 'li.na', 'battery replaced', later);
    expect(event).toEqual({ type: 'ended', windowId: 'MW-1', at: later, actor: 'li.na', reason: 'battery replaced' });
    calendar.apply(event as MaintenanceEvent);
    expect(calendar.get('MW-1')).toMatchObject({ endedAt: later, endedBy: 'li.na', until: NOW + 4 * HOUR_MS });
    expect(effectiveEnd(calendar.get('MW-1')!)).toBe(later);
    expect(calendar.isUnderMaintenance(river.id, undefined, later - 1)).toBe(true);
    expect(calendar.isUnderMaintenance(river.id, undefined, later)).toBe(false);
    expect(calendar.open(request({ from: later }), later)).not.toBeInstanceOf(MaintenanceError);
  });

  it('ends the one window open at a station, leaving out an empty reason', () => {
    const calendar = calendarWith({ until: NOW + HOUR_MS }, { from: NOW + 2 * HOUR_MS });
    expect(calendar.end({ stationId: river.id }, 'li.na', ' ', NOW + 1)).toEqual({ type: 'ended', windowId: 'MW-1', at: NOW + 1, actor: 'li.na' });
  });

  it('cancels a window that has not begun', () => {
    const calendar = calendarWith({ from: NOW + HOUR_MS });
    calendar.apply(calendar.end({ windowId: 'MW-1' }, 'li.na', 'trip postponed', NOW) as MaintenanceEvent);
    expect(effectiveEnd(calendar.get('MW-1')!)).toBe(NOW + HOUR_MS);
    expect(calendar.isUnderMaintenance(river.id, 'cellular', NOW + HOUR_MS)).toBe(false);
  });

  it.each([
    ['an unknown window', { windowId: 'MW-9' }, NOW, UnknownMaintenanceWindowError, 'No maintenance window MW-9; check the window id'],
    [
      'a window at its planned end',
      { windowId: 'MW-1' },
      NOW + 4 * HOUR_MS,
      NoOpenMaintenanceError,
      'Maintenance window MW-1 on station 70100001 ended at 2023-09-21 14:00 Beijing time; nothing to end',
    ],
    ['an unknown station', { stationId: '79999999' }, NOW, UnknownStationError, 'No station 79999999 in the registry; check the station code'],
    [
      'a station with no window open',
      { stationId: rain.id },
      NOW,
      NoOpenMaintenanceError,
      'Station 70500341 has no maintenance window open now; nothing to end',
    ],
  ] as const)('refuses to end %s', (_case, target, at, errorClass, message) => {
    const result = calendarWith({}).end(target, 'li.na', undefined, at);
    expect(result).toBeInstanceOf(errorClass);
    expect((result as Error).message).toBe(message);
  });

  it('still ends a window one ms before its planned end', () => {
    expect(calendarWith({}).end({ windowId: 'MW-1' }, 'li.na', undefined, NOW + 4 * HOUR_MS - 1)).toMatchObject({ type: 'ended' });
  });

  it('refuses to end a window that was already ended', () => {
    const calendar = calendarWith({});
    calendar.apply(calendar.end({ windowId: 'MW-1' }, 'li.na', undefined, NOW + 1) as MaintenanceEvent);
    expect(calendar.end({ windowId: 'MW-1' }, 'li.na', undefined, NOW + 2)).toBeInstanceOf(NoOpenMaintenanceError);
  });

  it('asks which window when a station has one open per channel', () => {
    const result = calendarWith({ channel: 'cellular' }, { channel: 'beidou' }).end({ stationId: river.id }, 'li.na', undefined, NOW);
    expect(result).toBeInstanceOf(AmbiguousMaintenanceError);
    expect(result).toMatchObject({
      code: 'ambiguous',
      message:
        'Station 70100001 has 2 maintenance windows open (MW-1 on the cellular channel of station 70100001, ' +
        'MW-2 on the beidou channel of station 70100001); end one by its window id',
    });
  });
});

