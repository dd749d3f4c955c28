import { describe, expect, it } from '@jest/globals';
import type { MaintenanceEvent } from './maintenance-event';
import { parseMaintenanceEvent } from './parse-maintenance-event';

const opened: MaintenanceEvent = {
  type: 'opened',
  window: { id: 'MW-1', stationId: '70100001', channel: 'beidou', reason: 'antenna', from: 1, until: 2, openedBy: 'zhang.wei' },
  at: 1,
  actor: 'zhang.wei',
  reason: 'antenna',
};

describe('parseMaintenanceEvent', () => {
  it.each<MaintenanceEvent>([
    opened,
    { ...opened, window: { id: 'MW-2', stationId: '70100001', reason: 'pole', from: 1, until: 2, openedBy: 'a' } },
    { type: 'ended', windowId: 'MW-1', at: 3, actor: 'li.na', reason: 'fixed' },
    { type: 'ended', windowId: 'MW-1', at: 3, actor: 'li.na' },
  ])('reads back what was written: %j', (event) => {
    expect(parseMaintenanceEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it.each([
    [null, 'Maintenance event: event must be an object'],
    [{ type: 'paused' }, 'Maintenance event: type must be "opened" or "ended", got "paused"'],
    [
      { ...opened, window: { ...opened.window, channel: 'radio' } },
      'Maintenance event: window.channel must be "cellular" or "beidou", got "radio"',
    ],
    [{ ...opened, window: { ...opened.window, from: '2023-09-21' } }, 'Maintenance event: window.from must be epoch milliseconds'],
    [{ type: 'ended', windowId: 'MW-1', at: 3 }, 'Maintenance event: actor must be a non-empty string'],
  ])('names the damaged field of %j', (body, message) => {
    expect(() => parseMaintenanceEvent(body)).toThrow(message);
  });
});
