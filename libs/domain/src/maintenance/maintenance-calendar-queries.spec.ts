import { describe, expect, it } from '@jest/globals';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { calendarWith, NOW, rain, request, river, stations } from './__fixtures__/maintenance-calendar.fixtures';
import { MaintenanceCalendar } from './maintenance-calendar';
import type { MaintenanceEvent } from './maintenance-event';
import { MaintenanceError } from './maintenance.error';
import { parseMaintenanceEvent } from './parse-maintenance-event';

describe('MaintenanceCalendar queries', () => {
  const cellularOnly = () => calendarWith({ channel: 'cellular', until: NOW + 2 * HOUR_MS });

  it.each([
    ['cellular', NOW - 1, false],
    ['cellular', NOW, true],
    ['cellular', NOW + 2 * HOUR_MS - 1, true],
    ['cellular', NOW + 2 * HOUR_MS, false],
    ['beidou', NOW, false],
    [undefined, NOW, false],
  ] as const)('a cellular window puts %s under maintenance at %d: %s', (channel, at, expected) => {
    expect(cellularOnly().isUnderMaintenance(river.id, channel, at)).toBe(expected);
  });

  it('counts the whole station under maintenance when every channel is, and only while both are', () => {
    const calendar = calendarWith(
      { channel: 'cellular', until: NOW + 2 * HOUR_MS },
      { channel: 'beidou', from: NOW + HOUR_MS, until: NOW + 3 * HOUR_MS },
    );
    const wholeStation = (at: number) => calendar.isUnderMaintenance(river.id, undefined, at);
    expect([NOW, NOW + HOUR_MS, NOW + 2 * HOUR_MS].map(wholeStation)).toEqual([false, true, false]);
    expect(calendar.intervals(river.id, undefined, { from: NOW - HOUR_MS, to: NOW + 5 * HOUR_MS })).toEqual([
      { from: NOW + HOUR_MS, to: NOW + 2 * HOUR_MS },
    ]);
  });

  it('puts a single-channel station wholly under maintenance with its one channel', () => {
    const calendar = calendarWith({ stationId: rain.id, channel: 'cellular' });
    expect(calendar.isUnderMaintenance(rain.id, undefined, NOW)).toBe(true);
  });

  it('puts every channel under maintenance with a whole-station window', () => {
    const calendar = calendarWith({});
    expect(['cellular', 'beidou'].map((c) => calendar.isUnderMaintenance(river.id, c as 'cellular', NOW))).toEqual([true, true]);
  });

  it('gives channel intervals as whole-station and own windows merged, clipped to the range', () => {
    const calendar = calendarWith(
      { until: NOW + HOUR_MS },
      { channel: 'beidou', from: NOW + HOUR_MS, until: NOW + 3 * HOUR_MS },
      { channel: 'cellular', from: NOW + 5 * HOUR_MS, until: NOW + 6 * HOUR_MS },
    );
    const range = { from: NOW + 30 * MINUTE_MS, to: NOW + 2 * HOUR_MS };
    expect(calendar.intervals(river.id, 'beidou', range)).toEqual([{ from: NOW + 30 * MINUTE_MS, to: NOW + 2 * HOUR_MS }]);
    expect(calendar.intervals(river.id, 'cellular', range)).toEqual([{ from: NOW + 30 * MINUTE_MS, to: NOW + HOUR_MS }]);
    expect(calendar.intervals(river.id, undefined, range)).toEqual([{ from: NOW + 30 * MINUTE_MS, to: NOW + HOUR_MS }]);
  });

  it('lists windows in force now, and a station’s windows in a range', () => {
    const calendar = calendarWith({ until: NOW + HOUR_MS }, { from: NOW + 2 * HOUR_MS }, { stationId: rain.id });
    expect(calendar.active(NOW).map((w) => w.id)).toEqual(['MW-1', 'MW-3']);
    expect(calendar.active(NOW + HOUR_MS).map((w) => w.id)).toEqual(['MW-3']);
    expect(calendar.windowsFor(river.id, { from: NOW + HOUR_MS, to: NOW + 3 * HOUR_MS }).map((w) => w.id)).toEqual(['MW-2']);
    expect(calendar.windowsFor(river.id, { from: NOW, to: NOW + 3 * HOUR_MS }).map((w) => w.id)).toEqual(['MW-1', 'MW-2']);
  });
});

describe('MaintenanceCalendar history', () => {
  it('rebuilds the same calendar by folding the events read back from the log', () => {
    const live = new MaintenanceCalendar(stations);
    const log: unknown[] = [];
    const record = (event: MaintenanceEvent | MaintenanceError) => {
      if (event instanceof MaintenanceError) throw event;
      live.apply(event);
      log.push(JSON.parse(JSON.stringify(event)));
    };
    record(live.open(request({ channel: 'beidou' }), NOW));
    record(live.open(request({ stationId: rain.id, until: NOW + HOUR_MS }), NOW));
    record(live.end({ windowId: 'MW-1' }, 'li.na', 'antenna fixed', NOW + HOUR_MS));
    record(live.open(request({ from: NOW + 2 * HOUR_MS }), NOW + HOUR_MS));

    const rebuilt = MaintenanceCalendar.fold(log.map(parseMaintenanceEvent), stations);
    expect(rebuilt.windows()).toEqual(live.windows());
    expect(rebuilt.windows()).toHaveLength(3);
    expect(rebuilt.open(request({ stationId: rain.id, from: NOW + 2 * HOUR_MS }), NOW + HOUR_MS)).toMatchObject({ window: { id: 'MW-4' } });
  });

  it('ignores a replayed event and keeps the first end', () => {
    const calendar = calendarWith({});
    const first = calendar.end({ windowId: 'MW-1' }, 'li.na', undefined, NOW + 1) as MaintenanceEvent;
    calendar.apply(first);
    calendar.apply({ ...first, at: NOW + 2 });
    calendar.apply({ type: 'opened', window: { ...calendar.get('MW-1')!, reason: 'changed' }, at: NOW, actor: 'x', reason: 'changed' });
    expect(calendar.get('MW-1')).toMatchObject({ endedAt: NOW + 1, reason: 'replacing the battery' });
  });

  it('refuses a history that ends a window never opened', () => {
    expect(() => MaintenanceCalendar.fold([{ type: 'ended', windowId: 'MW-7', at: NOW, actor: 'li.na' }], stations)).toThrow(
      'Maintenance history ends window MW-7, which was never opened',
    );
  });
});
