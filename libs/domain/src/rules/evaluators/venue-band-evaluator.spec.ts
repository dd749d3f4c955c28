import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import type { VenueBandRule } from '../rule-set';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { dragonBoatVenueRule, RACES, TRAINING } from './__fixtures__/dragon-boat-venue-rule';
import { VenueBandEvaluator } from './venue-band-evaluator';

const MIN = 60_000;
const H = 60 * MIN;
const training = TRAINING;
const rule = dragonBoatVenueRule();
const place = { district: 'ouhai', basin: 'wenrui' };

type Point = readonly [stationId: string, offsetMs: number, value: number];

function evaluatorWith(overrides: Partial<VenueBandRule> = {}): VenueBandEvaluator {
  return new VenueBandEvaluator({ ...rule, ...overrides }, place);
}

/** Feeds (station, ms after T0, value) in order; returns what the last reading brought back. */
function judge(points: readonly Point[], overrides: Partial<VenueBandRule> = {}): readonly AlertOutcome[] {
  const evaluator = evaluatorWith(overrides);
  let outcomes: readonly AlertOutcome[] = [];
  for (const [stationId, offset, value] of points) outcomes = evaluator.accept(levelReading(stationId, T0 + offset, value));
  return outcomes;
}

/** A reading in order brings the verdict at its time inside a session, and nothing outside. */
const verdictOf = (outcomes: readonly AlertOutcome[]) =>
  outcomes.length === 0 ? 'nothing' : outcomes.map((outcome) => (outcome.type === 'breach' ? outcome.severity : outcome.type)).join(', ');

describe('VenueBandEvaluator', () => {
  it('watches the venue’s gauges for its rule', () => {
    const evaluator = evaluatorWith();
    expect([evaluator.subject, evaluator.policy, evaluator.inputs]).toEqual([
      { ruleId: 'venue-dragon-boat', kind: 'venue_band', subjectId: 'wz-dragon-boat', stationIds: ['P1', 'P2'], district: 'ouhai', basin: 'wenrui' },
      { clearingDelayMs: 30 * MIN },
      [
        { stationId: 'P1', element: 'water_level' },
        { stationId: 'P2', element: 'water_level' },
      ],
    ]);
  });

  it.each([
    ['1 ms before a window', -1, 'nothing'],
    ['exactly at its start', 0, 'orange'],
    ['1 ms before its end', 4 * H - 1, 'orange'],
    ['exactly at its end', 4 * H, 'nothing'],
    ['between windows', 12 * H, 'nothing'],
    ['in the next window', 24 * H, 'orange'],
  ] as const)('judges a reading %s (T0 %p ms)', (_case, offset, expected) => {
    expect(verdictOf(judge([['P1', offset, 3.6]]))).toBe(expected);
  });

  it.each([
    ['mid-band', [['P1', 0, 3.0]], 'normal'],
    ['within the margin of max', [['P1', 0, 3.45]], 'blue'],
    ['above max', [['P1', 0, 3.6]], 'orange'],
    ['below min', [['P1', 0, 2.4]], 'orange'],
    ['one gauge of two outside', [['P1', 0, 3.0], ['P2', 0, 2.4]], 'orange'],
    ['a trend reaching max within the horizon', [['P1', 0, 2.75], ['P1', H, 3.0]], 'blue'],
    ['a trend reaching max after it', [['P1', 0, 2.8], ['P1', H, 3.0]], 'normal'],
    ['a gauge silent exactly the stale time is left out', [['P2', 0, 3.6], ['P1', 30 * MIN, 3.0]], 'normal'],
    ['a gauge silent 1 ms less still counts', [['P2', 0, 3.6], ['P1', 30 * MIN - 1, 3.0]], 'orange'],
  ] as const)('%s', (_case, points, expected) => {
    expect(verdictOf(judge(points))).toBe(expected);
  });

  it('tells dispatch the worst gauge, its distance, trend and time to leave, and every gauge', () => {
    expect(judge([['P1', 0, 2.75], ['P1', H, 3.0]])).toEqual([
      {
        type: 'breach',
        severity: 'blue',
        observedAt: T0 + H,
        details: {
          venueId: 'wz-dragon-boat',
          venueName: '温州龙舟运动中心',
          state: 'approaching',
          min: 2.5,
          max: 3.5,
          worstStationId: 'P1',
          value: 3.0,
          distance: -0.5,
          trendCmPerHour: 25,
          leavesInMinutes: 120,
          gauges: [
            { stationId: 'P1', value: 3.0 },
            { stationId: 'P2', value: null },
          ],
          window: '训练 Training',
        },
      },
    ]);
  });

  it('names the gauge nearest a limit, or furthest out, as the worst', () => {
    expect(judge([['P1', 0, 2.75], ['P1', H, 3.0], ['P2', H, 3.45]])).toMatchObject([
      {
        severity: 'blue',
        details: { worstStationId: 'P2', value: 3.45, distance: -0.05, trendCmPerHour: null, leavesInMinutes: null },
      },
    ]);
    expect(judge([['P1', 0, 3.6], ['P2', 0, 2.25]])).toMatchObject([
      {
        severity: 'orange',
        details: { state: 'outside', worstStationId: 'P2', distance: 0.25, leavesInMinutes: 0 },
      },
    ]);
  });

  it.each([
    ['held 1 ms short of the minimum duration', 10 * MIN - 1, 'normal'],
    ['held exactly the minimum duration', 10 * MIN, 'orange'],
  ] as const)('outside %s', (_case, later, expected) => {
    expect(verdictOf(judge([['P1', 0, 3.6], ['P1', later, 3.6]], { minDurationMs: 10 * MIN }))).toBe(expected);
  });

  it.each([
    ['P1 first', [['P1', 10 * MIN, 3.0], ['P2', 10 * MIN, 3.6]]],
    ['P2 first', [['P2', 10 * MIN, 3.6], ['P1', 10 * MIN, 3.0]]],
  ] as const)('judges gauges reporting at the same time together (%s)', (_case, sameTime) => {
    // P1 was outside; at 10 min P1 is back and P2 is out: the venue never was inside, in either order.
    const points: Point[] = [['P1', 0, 3.6], ['P2', 0, 3.0], ...sameTime, ['P1', 20 * MIN, 3.6], ['P2', 20 * MIN, 3.6]];
    expect(verdictOf(judge(points, { minDurationMs: 20 * MIN }))).toBe('orange');
  });

  it('starts the minimum duration afresh with each session', () => {
    const evaluator = evaluatorWith({ minDurationMs: 10 * MIN });
    const accept = (offset: number) => evaluator.accept(levelReading('P1', T0 + offset, 3.6));
    expect([accept(3 * H + 30 * MIN), accept(3 * H + 40 * MIN), accept(12 * H), accept(24 * H), accept(24 * H + 10 * MIN)].map(verdictOf)).toEqual([
      'normal',
      'orange',
      'nothing',
      'normal',
      'orange',
    ]);
  });

  it('keeps a session going across touching windows', () => {
    const evaluator = evaluatorWith({ minDurationMs: 10 * MIN, schedule: [training, { from: training.to, to: training.to + H, label: 'extra' }] });
    evaluator.accept(levelReading('P1', T0 + 4 * H - 5 * MIN, 3.6));
    expect(evaluator.accept(levelReading('P1', T0 + 4 * H + 5 * MIN, 3.6))).toMatchObject([{ severity: 'orange', details: { window: 'extra' } }]);
  });

  it('places a late reading and re-judges every observation time of any gauge from its own to the newest', () => {
    const evaluator = evaluatorWith();
    evaluator.accept(levelReading('P1', T0, 3.0));
    expect(evaluator.accept(levelReading('P1', T0 + 10 * MIN, 3.0))).toEqual([{ type: 'normal', observedAt: T0 + 10 * MIN }]);
    expect(evaluator.accept(levelReading('P2', T0 + 5 * MIN, 3.6))).toMatchObject([
      { type: 'breach', severity: 'orange', observedAt: T0 + 5 * MIN, details: { worstStationId: 'P2' } },
      { type: 'breach', severity: 'orange', observedAt: T0 + 10 * MIN, details: { worstStationId: 'P2' } },
    ]);
  });

  it.each([
    ['a copy of a reading held', levelReading('P1', T0, 3.0)],
    ['a suspect reading', levelReading('P2', T0, 3.9, 'suspect')],
    ['a gauge not of the venue', levelReading('P9', T0, 3.9)],
    ['another element', { ...levelReading('P2', T0, 3.9), element: 'flow' as const }],
  ])('ignores %s', (_case, reading) => {
    const evaluator = evaluatorWith();
    evaluator.accept(levelReading('P1', T0, 3.0));
    expect(evaluator.accept(reading)).toEqual([]);
    expect(evaluator.current()).toEqual({ type: 'normal', observedAt: T0 });
  });

  describe('tick', () => {
    it('announces the end of a session once, then sees its clearing delay out', () => {
      const evaluator = evaluatorWith();
      evaluator.accept(levelReading('P1', T0 + 3 * H + 50 * MIN, 3.6));
      const end = training.to;
      expect([evaluator.tick(end - 1), evaluator.tick(end), evaluator.tick(end + 30 * MIN - 1), evaluator.tick(end + 30 * MIN), evaluator.tick(end + 31 * MIN)]).toEqual([
        undefined,
        { type: 'normal', observedAt: end },
        undefined,
        { type: 'normal', observedAt: end + 30 * MIN },
        undefined,
      ]);
    });

    it('catches up on a session that ended long ago, one outcome a tick', () => {
      const evaluator = evaluatorWith();
      const now = T0 + 10 * H;
      expect([evaluator.tick(now), evaluator.tick(now), evaluator.tick(now)]).toEqual([
        { type: 'normal', observedAt: training.to },
        { type: 'normal', observedAt: training.to + 30 * MIN },
        undefined,
      ]);
    });

    it('leaves the clearing to the next session when it starts within the delay', () => {
      const next = { from: training.to + 20 * MIN, to: training.to + H, label: '龙舟竞速 Dragon boat RACES' };
      const evaluator = evaluatorWith({ schedule: [training, next] });
      evaluator.accept(levelReading('P1', training.to + 25 * MIN, 3.0));
      expect([evaluator.tick(training.to), evaluator.tick(training.to + 30 * MIN)]).toEqual([{ type: 'normal', observedAt: training.to }, undefined]);
    });

    it('emits no closing normal with no clearing delay', () => {
      const evaluator = evaluatorWith({ clearingDelayMs: 0 });
      expect([evaluator.tick(training.to), evaluator.tick(training.to + H)]).toEqual([{ type: 'normal', observedAt: training.to }, undefined]);
    });

    it.each([
      ['1 ms short of the stale time', 30 * MIN - 1, undefined],
      ['exactly the stale time', 30 * MIN, { type: 'no_data', since: T0 + H + 5 * MIN }],
    ] as const)('inside a session, with all gauges silent %s', (_case, silence, expected) => {
      const evaluator = evaluatorWith();
      evaluator.accept(levelReading('P1', T0 + H, 3.0));
      evaluator.accept(levelReading('P2', T0 + H + 5 * MIN, 3.0));
      expect(evaluator.tick(T0 + H + 5 * MIN + silence)).toEqual(expected);
    });

    it('says no data once per silence, and nothing of silence outside sessions', () => {
      const evaluator = evaluatorWith({ clearingDelayMs: 0 });
      evaluator.accept(levelReading('P1', T0 + H, 3.0));
      expect([evaluator.tick(T0 + 2 * H), evaluator.tick(T0 + 3 * H), evaluator.tick(T0 + 4 * H), evaluator.tick(T0 + 5 * H)]).toEqual([
        { type: 'no_data', since: T0 + H },
        undefined,
        { type: 'normal', observedAt: training.to },
        undefined,
      ]);
    });

    it('announces again the end of a session a late reading re-judges, and then judges the next session afresh', () => {
      const evaluator = evaluatorWith();
      evaluator.accept(levelReading('P1', T0 + 3 * H, 3.0));
      evaluator.tick(training.to);
      expect(evaluator.accept(levelReading('P1', training.to - MIN, 3.9))).toMatchObject([
        { type: 'breach', severity: 'orange', observedAt: training.to - MIN },
        { type: 'normal', observedAt: training.to },
      ]);
      expect(evaluator.accept(levelReading('P1', RACES.from, 3.9))).toMatchObject([{ type: 'breach', observedAt: RACES.from }]);
    });
  });
});
