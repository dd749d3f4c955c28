import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { RateOfRiseRule } from '../rule-set';
import { timesOf } from './__fixtures__/verdict-path';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { RateOfRiseEvaluator } from './rate-of-rise-evaluator';

const MIN = 60_000;
const WINDOW = 60 * MIN;
const station = sampleRiverStation();
const rule: RateOfRiseRule = {
  id: 'ror-wenxi',
  kind: 'rate_of_rise',
  stationId: station.id,
  windowMs: WINDOW,
  rise: 0.5,
  severity: 'orange',
  clearingDelayMs: 30 * MIN,
  staleAfterMs: 60 * MIN,
};

/** An evaluator that has already judged these (ms relative to T0, value) readings, fed in order. */
function live(points: readonly (readonly [number, number])[]): { evaluator: RateOfRiseEvaluator; said: AlertOutcome[] } {
  const evaluator = new RateOfRiseEvaluator(rule, station);
  const said = points.flatMap(([offset, value]) => evaluator.accept(levelReading(station.id, T0 + offset, value)));
  return { evaluator, said };
}

const late = (evaluator: RateOfRiseEvaluator, offset: number, value: number) => evaluator.accept(levelReading(station.id, T0 + offset, value));

/** The kind of each outcome with the time it speaks for, in minutes relative to T0. */
const verdicts = (outcomes: readonly AlertOutcome[]) => outcomes.map((outcome) => [outcome.type, (timesOf([outcome])[0]! - T0) / MIN] as const);

/** A steady 3.0 m every 10 minutes over the three hours up to T0, but for the minutes given. */
const steadyBut = (...lost: number[]) =>
  Array.from({ length: 19 }, (_, k) => (k - 18) * 10)
    .filter((minute) => !lost.includes(minute))
    .map((minute) => [minute * MIN, 3.0] as const);

const normalsFrom = (minute: number) => Array.from({ length: -minute / 10 + 1 }, (_, k) => ['normal', minute + k * 10] as const);

describe('RateOfRiseEvaluator with late readings', () => {
  it.each([
    ['a rise of 0.6 m', 3.6, [['breach', -70], ...normalsFrom(-60)]],
    ['a rise of exactly the limit', 3.5, [['breach', -70], ...normalsFrom(-60)]],
    ['a rise 1 mm short of it', 3.499, [['normal', -70], ...normalsFrom(-60)]],
  ] as const)('sees %s 70 min before the newest reading, arriving late, at its time', (_case, peak, expected) => {
    const { evaluator, said } = live(steadyBut(-70));
    expect(said.every((outcome) => outcome.type === 'normal')).toBe(true);
    const outcomes = late(evaluator, -70 * MIN, peak);
    expect(verdicts(outcomes)).toEqual(expected);
    // A breach tells the rise it saw.
    expect(outcomes[0]).toMatchObject(expected[0][0] === 'breach' ? { details: { rise: Math.round((peak - 3.0) * 1000) / 1000 } } : {});
  });

  it.each([
    ['in a steady level', steadyBut(-30).slice(-6), 3.0],
    [
      'in a steady rise',
      [[-60 * MIN, 3.0], [-50 * MIN, 3.1], [-40 * MIN, 3.2], [-20 * MIN, 3.4], [-10 * MIN, 3.5], [0, 3.6]] as const,
      3.3,
    ],
  ] as const)('re-emits the same later verdicts for a late reading that changes nothing (%s)', (_case, points, value) => {
    const { evaluator, said } = live(points);
    const outcomes = late(evaluator, -30 * MIN, value);
    // Its own time and the next see too little of the window; the later ones are as they were.
    expect(outcomes).toEqual(said.filter((outcome) => timesOf([outcome])[0]! > T0 - 30 * MIN));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['1 ms less than the late-reading horizon behind', LATE_READING_HORIZON_MS - 1, [['breach', -LATE_READING_HORIZON_MS / MIN + 50], ['normal', 0]]],
    ['exactly the late-reading horizon behind', LATE_READING_HORIZON_MS, [['breach', -LATE_READING_HORIZON_MS / MIN + 50], ['normal', 0]]],
    ['1 ms more than the late-reading horizon behind, whose window may reach readings already dropped,', LATE_READING_HORIZON_MS + 1, []],
  ] as const)('places a low reading %s the newest and judges the rises after it, or refuses it', (_case, behind, expected) => {
    // Alone in their windows, the readings a day and an hour back say nothing until the low reading comes.
    const { evaluator, said } = live([[-LATE_READING_HORIZON_MS + 50 * MIN, 3.0], [-WINDOW, 3.0], [0, 3.0]]);
    expect(verdicts(said)).toEqual([['normal', 0]]);
    expect(verdicts(late(evaluator, -behind, 2.0))).toEqual(expected);
  });

  it('never judges a window that reaches readings already dropped: the low point a day and more back is gone', () => {
    const H = LATE_READING_HORIZON_MS;
    const { evaluator, said } = live([[-H - 65 * MIN, 2.0], [-H - 60 * MIN, 3.0], [-H - 10 * MIN, 3.0], [0, 3.0]]);
    expect(verdicts(said).map(([type]) => type)).toContain('breach');
    expect(late(evaluator, -H - 30 * MIN, 3.0)).toEqual([]);
  });
});
