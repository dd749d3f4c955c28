import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import { lastVerdictByTime, timesOf } from './__fixtures__/verdict-path';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { wenxiWaterLevelRule } from './__fixtures__/wenxi-water-level-rule';
import { WaterLevelEvaluator } from './water-level-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule = wenxiWaterLevelRule(station.id);

/** An evaluator that has already judged these (ms after T0, value) readings, fed in order. */
function live(points: readonly (readonly [number, number])[]): { evaluator: WaterLevelEvaluator; said: AlertOutcome[] } {
  const evaluator = new WaterLevelEvaluator(rule, station);
  const said = points.flatMap(([offset, value]) => evaluator.accept(levelReading(station.id, T0 + offset, value)));
  return { evaluator, said };
}

const late = (evaluator: WaterLevelEvaluator, offset: number, value: number) => evaluator.accept(levelReading(station.id, T0 + offset, value));

/** Severity of each breach, or the kind of outcome, with the time it speaks for (minutes after T0). */
const verdicts = (outcomes: readonly AlertOutcome[]) =>
  outcomes.map((outcome) => [outcome.type === 'breach' ? outcome.severity : outcome.type, (timesOf([outcome])[0]! - T0) / MIN] as const);

describe('WaterLevelEvaluator with late readings', () => {
  it.each([
    ['a peak at 5.1 m: 保证水位 at its time, then back to normal', 5.1, [['orange', 30], ['normal', 60]]],
    ['a peak exactly at 警戒水位', 4.2, [['yellow', 30], ['normal', 60]]],
    ['a peak 1 mm short of 警戒水位: nothing at its time either', 4.199, [['normal', 30], ['normal', 60]]],
  ] as const)('sees %s, although the peak is over when it arrives', (_case, peak, expected) => {
    const { evaluator } = live([[0, 4.0], [60 * MIN, 4.0]]);
    const outcomes = late(evaluator, 30 * MIN, peak);
    expect(verdicts(outcomes)).toEqual(expected);
    // A breach tells the value that reached the level.
    expect(outcomes[0]).toMatchObject(expected[0][0] === 'normal' ? { observedAt: T0 + 30 * MIN } : { observedAt: T0 + 30 * MIN, details: { value: peak } });
  });

  const batch = [[15, 4.5], [30, 5.1], [45, 4.6]] as const;
  it.each([
    [
      'oldest first',
      batch,
      [
        [['yellow', 15], ['normal', 60]],
        [['orange', 30], ['normal', 60]],
        [['yellow', 45], ['normal', 60]],
      ],
    ],
    [
      'newest first',
      [...batch].reverse(),
      [
        [['yellow', 45], ['normal', 60]],
        [['orange', 30], ['yellow', 45], ['normal', 60]],
        [['yellow', 15], ['orange', 30], ['yellow', 45], ['normal', 60]],
      ],
    ],
  ] as const)('re-judges a BeiDou batch of a peak that came and went, fed %s, ending where observation order ends', (_case, arrival, expected) => {
    const { evaluator } = live([[0, 4.0], [60 * MIN, 4.0]]);
    const outcomes = arrival.map(([minute, value]) => late(evaluator, minute * MIN, value));
    expect(outcomes.map(verdicts)).toEqual(expected);
    const inOrder = live([[0, 4.0], ...batch.map(([minute, value]) => [minute * MIN, value] as const), [60 * MIN, 4.0]]);
    expect(lastVerdictByTime(outcomes.flat()).filter(([at]) => at > T0)).toEqual(lastVerdictByTime(inOrder.said).filter(([at]) => at > T0));
  });

  it.each([
    ['inside a breach', 5 * MIN, 4.5, 'yellow'],
    ['inside a spell back to normal', 25 * MIN, 4.0, 'normal'],
  ] as const)('re-emits the same later verdicts for a late reading that changes nothing (%s)', (_case, offset, value, own) => {
    const points = [[0, 4.5], [10 * MIN, 4.5], [20 * MIN, 4.0], [30 * MIN, 4.0]] as const;
    const { evaluator, said } = live(points);
    const before = evaluator.current();
    const outcomes = late(evaluator, offset, value);
    expect(verdicts(outcomes.slice(0, 1))).toEqual([[own, offset / MIN]]);
    expect(outcomes.slice(1)).toEqual(said.filter((outcome) => timesOf([outcome])[0]! > T0 + offset));
    expect(outcomes.length).toBeGreaterThan(1);
    expect(evaluator.current()).toEqual(before);
  });

  it.each([
    ['1 ms less than the late horizon behind', LATE_READING_HORIZON_MS - 1, true],
    ['exactly the late horizon behind', LATE_READING_HORIZON_MS, true],
    ['1 ms more than the late horizon behind', LATE_READING_HORIZON_MS + 1, false],
  ] as const)('places a reading %s the newest, or refuses it', (_case, behind, placed) => {
    const { evaluator } = live([[-60 * MIN, 4.0], [0, 4.0]]);
    const outcomes = late(evaluator, -behind, 5.1);
    const expected = placed ? [['orange', -behind / MIN], ['normal', -60], ['normal', 0]] : [];
    expect(verdicts(outcomes)).toEqual(expected);
  });
});
