import { describe, expect, it } from '@jest/globals';
import { VenueSchedule } from './venue-band-schedule';

const schedule = new VenueSchedule([
  { from: 500, to: 600, label: '龙舟竞速 Dragon boat races' },
  { from: 100, to: 200, label: '训练 Training' },
  { from: 200, to: 300, label: '热身 Warm-up' },
]);

describe('VenueSchedule', () => {
  it('joins touching windows into one session', () => {
    expect(schedule.sessions).toEqual([
      { from: 100, to: 300 },
      { from: 500, to: 600 },
    ]);
  });

  it.each([
    [99, -1, undefined],
    [100, 0, '训练 Training'],
    [199, 0, '训练 Training'],
    [200, 0, '热身 Warm-up'],
    [299, 0, '热身 Warm-up'],
    [300, -1, undefined],
    [500, 1, '龙舟竞速 Dragon boat races'],
    [600, -1, undefined],
  ] as const)('at %p: session %p, window %p', (at, session, label) => {
    expect([schedule.sessionAt(at), schedule.labelAt(at)]).toEqual([session, label]);
  });

  it.each([
    [299, undefined],
    [300, { from: 100, to: 300 }],
    [599, { from: 100, to: 300 }],
    [600, { from: 500, to: 600 }],
  ] as const)('the last session ended by %p', (now, ended) => {
    expect(schedule.lastEndedBy(now)).toEqual(ended);
  });

  it.each([
    [50, { from: 100, to: 300 }],
    [300, { from: 500, to: 600 }],
    [500, undefined],
  ] as const)('the next session after %p', (at, next) => {
    expect(schedule.nextAfter(at)).toEqual(next);
  });
});
