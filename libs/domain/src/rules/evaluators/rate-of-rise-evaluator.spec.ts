import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { RateOfRiseRule } from '../rule-set';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { RateOfRiseEvaluator } from './rate-of-rise-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule: RateOfRiseRule = {
  id: 'ror-wenxi',
  kind: 'rate_of_rise',
  stationId: station.id,
  windowMs: 60 * MIN,
  rise: 0.5,
  severity: 'orange',
  clearingDelayMs: 30 * MIN,
  staleAfterMs: 60 * MIN,
};

/** Feeds (ms before the last reading at T0, value) in order; returns what the last reading brought back. */
function judge(points: readonly (readonly [number, number])[], overrides: Partial<RateOfRiseRule> = {}): readonly AlertOutcome[] {
  const evaluator = new RateOfRiseEvaluator({ ...rule, ...overrides }, station);
  let outcomes: readonly AlertOutcome[] = [];
  for (const [before, value] of points) outcomes = evaluator.accept(levelReading(station.id, T0 - before, value));
  return outcomes;
}

/** A reading in order brings its verdict, or none while the readings span too little of the window. */
const verdictOf = (outcomes: readonly AlertOutcome[]) => (outcomes.length === 0 ? 'no verdict' : outcomes.map((outcome) => outcome.type).join(', '));

describe('RateOfRiseEvaluator', () => {
  it('watches its station for its rule', () => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    expect([evaluator.subject, evaluator.policy, evaluator.inputs]).toEqual([
      { ruleId: 'ror-wenxi', kind: 'rate_of_rise', subjectId: station.id, stationIds: [station.id], district: 'yongjia', basin: 'ou' },
      { clearingDelayMs: 30 * MIN },
      [{ stationId: station.id, element: 'water_level' }],
    ]);
    expect(() => new RateOfRiseEvaluator(rule, sampleRiverStation({ id: '70100009' }))).toThrow(RangeError);
  });

  it.each([
    ['a rise of exactly the limit over the window', [[60 * MIN, 3.0], [0, 3.5]], 'breach'],
    ['a rise 1 mm short of it', [[60 * MIN, 3.0], [0, 3.499]], 'normal'],
    ['a decimal rise equal to a decimal limit', [[60 * MIN, 3.1], [0, 3.6]], 'breach'],
    ['a fall', [[60 * MIN, 4.0], [0, 3.0]], 'normal'],
    ['a rise from a dip mid-window counts at full size', [[60 * MIN, 3.4], [30 * MIN, 3.0], [0, 3.5]], 'breach'],
    ['a low point 1 ms before the window does not count', [[60 * MIN + 1, 3.0], [48 * MIN, 3.2], [0, 3.5]], 'normal'],
    ['readings spanning exactly 80 % of the window are judged', [[48 * MIN, 3.0], [0, 3.5]], 'breach'],
    ['readings spanning 1 ms less are not', [[48 * MIN - 1, 3.0], [0, 3.5]], 'no verdict'],
    ['a single reading is not', [[0, 3.5]], 'no verdict'],
    ['an old reading before the window does not make up the span', [[90 * MIN, 3.0], [0, 3.5]], 'no verdict'],
  ] as const)('%s', (_case, points, expected) => {
    expect(verdictOf(judge(points))).toBe(expected);
  });

  it('reports the rise, the window and the rate per hour', () => {
    expect(judge([[30 * MIN, 2.0], [15 * MIN, 2.4], [0, 2.6]], { windowMs: 30 * MIN })).toEqual([
      {
        type: 'breach',
        severity: 'orange',
        observedAt: T0,
        details: { stationId: station.id, rise: 0.6, windowMinutes: 30, ratePerHour: 1.2, limit: 0.5, unit: 'm' },
      },
    ]);
    expect(judge([[60 * MIN, 3.0], [0, 3.1]])).toEqual([{ type: 'normal', observedAt: T0 }]);
  });

  it('places a late reading inside the window and re-judges from its time (too short a span there) to the newest', () => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0 - 60 * MIN, 3.3));
    expect(evaluator.accept(levelReading(station.id, T0, 3.6))).toEqual([{ type: 'normal', observedAt: T0 }]);
    expect(evaluator.accept(levelReading(station.id, T0 - 20 * MIN, 3.05))).toMatchObject([{ type: 'breach', observedAt: T0, details: { rise: 0.55 } }]);
  });

  it('places a low reading 1 ms older than the window, which leaves the verdict at the newest time as it was', () => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0 - 60 * MIN, 3.3));
    evaluator.accept(levelReading(station.id, T0, 3.5));
    expect(evaluator.accept(levelReading(station.id, T0 - 60 * MIN - 1, 1.0))).toEqual([{ type: 'normal', observedAt: T0 }]);
  });

  it.each([
    ['a copy of a reading held', levelReading(station.id, T0, 3.5)],
    ['a suspect reading', levelReading(station.id, T0 - 30 * MIN, 1.0, 'suspect')],
    ['another station’s reading', levelReading('70100009', T0 - 30 * MIN, 1.0)],
  ])('ignores %s: no outcome, no change', (_case, reading) => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0 - 60 * MIN, 3.3));
    evaluator.accept(levelReading(station.id, T0, 3.5));
    expect(evaluator.accept(reading)).toEqual([]);
    expect(evaluator.current()).toEqual({ type: 'normal', observedAt: T0 });
  });

  it.each([
    ['1 ms short of the stale time', 60 * MIN - 1, undefined],
    ['exactly the stale time', 60 * MIN, { type: 'no_data', since: T0 }],
  ] as const)('tick at %s after the newest reading', (_case, silence, expected) => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    expect(evaluator.tick(T0 + silence)).toBeUndefined();
    evaluator.accept(levelReading(station.id, T0, 3.5));
    expect(evaluator.tick(T0 + silence)).toEqual(expected);
  });

  it('says no data once per silence', () => {
    const evaluator = new RateOfRiseEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0, 3.5));
    expect([evaluator.tick(T0 + 60 * MIN), evaluator.tick(T0 + 120 * MIN)]).toEqual([{ type: 'no_data', since: T0 }, undefined]);
  });
});
