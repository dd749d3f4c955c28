import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { timesOf } from './__fixtures__/verdict-path';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { dragonBoatVenueRule, RACES, TRAINING } from './__fixtures__/dragon-boat-venue-rule';
import { VenueBandEvaluator } from './venue-band-evaluator';

const MIN = 60_000;
const H = 60 * MIN;
const training = TRAINING;
// Readings 10 minutes apart each stand alone in a 5-minute trend window, so no trend makes a gauge
// "approaching" here.
const rule = dragonBoatVenueRule({ trendWindowMs: 5 * MIN });

type Point = readonly [stationId: string, offsetMs: number, value: number];

/** An evaluator that has already judged these readings, fed in order, then ticked at these times. */
function live(points: readonly Point[], ticks: readonly number[] = []): { evaluator: VenueBandEvaluator; said: AlertOutcome[] } {
  const evaluator = new VenueBandEvaluator(rule, { district: 'ouhai', basin: 'wenrui' });
  const said = points.flatMap(([stationId, offset, value]) => evaluator.accept(levelReading(stationId, T0 + offset, value)));
  for (const now of ticks) evaluator.tick(now);
  return { evaluator, said };
}

/** Severity of each breach, or the kind of outcome, with the time it speaks for in minutes after T0. */
const verdicts = (outcomes: readonly AlertOutcome[]) =>
  outcomes.map((outcome) => [outcome.type === 'breach' ? outcome.severity : outcome.type, (timesOf([outcome])[0]! - T0) / MIN] as const);

const steadyP1 = [0, 10, 20, 40, 50, 60].map((minute): Point => ['P1', minute * MIN, 3.0]);

describe('VenueBandEvaluator with late readings', () => {
  it.each([
    ['P1 above max', 'P1', 3.6, [['orange', 30], ['normal', 40], ['normal', 50], ['normal', 60]]],
    ['P1 1 mm above max', 'P1', 3.501, [['orange', 30], ['normal', 40], ['normal', 50], ['normal', 60]]],
    ['P1 exactly at max: inside, within the margin', 'P1', 3.5, [['blue', 30], ['normal', 40], ['normal', 50], ['normal', 60]]],
    ['P2 below min, counted until it has been silent the stale time', 'P2', 2.4, [['orange', 30], ['orange', 40], ['orange', 50], ['normal', 60]]],
  ] as const)('sees %s at its time, although it is over when it arrives', (_case, stationId, value, expected) => {
    const { evaluator } = live(steadyP1);
    expect(verdicts(evaluator.accept(levelReading(stationId, T0 + 30 * MIN, value)))).toEqual(expected);
  });

  it.each([
    ['inside the band', 3.0],
    ['outside it', 3.6],
  ] as const)('re-emits the same later verdicts for a late reading that changes nothing (%s)', (_case, value) => {
    const { evaluator, said } = live([0, 10, 30, 40].map((minute): Point => ['P1', minute * MIN, value]));
    const outcomes = evaluator.accept(levelReading('P1', T0 + 20 * MIN, value));
    expect(verdicts(outcomes.slice(0, 1))).toEqual([[value === 3.0 ? 'normal' : 'orange', 20]]);
    expect(outcomes.slice(1)).toEqual(said.filter((outcome) => timesOf([outcome])[0]! > T0 + 20 * MIN));
    expect(outcomes).toHaveLength(3);
  });

  describe('in a session whose end was announced', () => {
    const end = (training.to - T0) / MIN;
    const beforeEnd: Point[] = [['P1', 3 * H, 3.0], ['P1', 3 * H + 50 * MIN, 3.0]];

    it.each([
      ['before any tick, with its verdicts only', [], [['orange', 200], ['normal', 230]]],
      ['ticked at the end, with the normal at the end again', [training.to], [['orange', 200], ['normal', 230], ['normal', end]]],
      ['ticked 1 ms short of the clearing delay, with the normal at the end only', [training.to, training.to + 30 * MIN - 1], [['orange', 200], ['normal', 230], ['normal', end]]],
      [
        'ticked once the clearing delay was seen out, with both normals again',
        [training.to, training.to + 30 * MIN],
        [['orange', 200], ['normal', 230], ['normal', end], ['normal', end + 30]],
      ],
    ] as const)('answers a late reading inside the session %s', (_case, ticks, expected) => {
      const { evaluator } = live(beforeEnd, ticks);
      expect(verdicts(evaluator.accept(levelReading('P1', T0 + 200 * MIN, 3.6)))).toEqual(expected);
    });

    it.each([
      ['1 ms before the end', training.to - 1, [['orange', (training.to - 1 - T0) / MIN], ['normal', end], ['normal', end + 30]]],
      ['exactly at the end', training.to, []],
      ['between sessions', training.to + H, []],
    ] as const)('brings the end again for a reading %s only when it lies inside the session', (_case, at, expected) => {
      const { evaluator } = live(beforeEnd, [training.to, training.to + 30 * MIN]);
      expect(verdicts(evaluator.accept(levelReading('P1', at, 3.6)))).toEqual(expected);
    });
  });

  it.each([
    ['1 ms less than the late horizon behind', LATE_READING_HORIZON_MS - 1, true],
    ['exactly the late horizon behind', LATE_READING_HORIZON_MS, true],
    ['1 ms more than the late horizon behind', LATE_READING_HORIZON_MS + 1, false],
  ] as const)('places a reading %s the newest of any gauge, or refuses it', (_case, behind, placed) => {
    const newest = RACES.from + 10 * MIN;
    const { evaluator } = live([['P1', 20 * MIN, 3.0], ['P2', newest - T0, 3.0]]);
    const at = newest - behind;
    const expected = placed ? [['orange', (at - T0) / MIN], ['normal', 20], ['normal', (newest - T0) / MIN]] : [];
    expect(verdicts(evaluator.accept(levelReading('P1', at, 3.6)))).toEqual(expected);
  });

  it('brings again the end of every session it precedes, not only the latest: training’s as well as the RACES’', () => {
    const { evaluator } = live(
      [['P1', 3 * H, 3.0], ['P1', 25 * H, 3.0]],
      [T0 + 4 * H, T0 + 4 * H + 30 * MIN, T0 + 28 * H, T0 + 28 * H + 30 * MIN],
    );
    expect(verdicts(evaluator.accept(levelReading('P1', T0 + 3 * H + 30 * MIN, 3.6)))).toEqual([
      ['orange', 210],
      ['normal', 240],
      ['normal', 270],
      ['normal', 25 * 60],
      ['normal', 28 * 60],
      ['normal', 28 * 60 + 30],
    ]);
  });
});
