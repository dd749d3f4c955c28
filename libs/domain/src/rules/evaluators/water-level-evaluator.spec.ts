import { describe, expect, it } from '@jest/globals';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import { sampleRiverStation } from '../../stations/__fixtures__/sample-river-station';
import type { WaterLevelRule } from '../rule-set';
import { levelReading, T0 } from './level/__fixtures__/level-readings';
import { LATE_READING_HORIZON_MS } from './level/late-readings';
import { wenxiWaterLevelRule } from './__fixtures__/wenxi-water-level-rule';
import { WaterLevelEvaluator } from './water-level-evaluator';

const MIN = 60_000;
const station = sampleRiverStation();
const rule = wenxiWaterLevelRule(station.id, {
  thresholds: [
    ...wenxiWaterLevelRule(station.id).thresholds,
    { code: 'historical_max', name: '历史最高水位', level: 5.8, severity: 'red' },
  ],
});

/** Feeds (ms after T0, value) in order; returns what the last reading brought back. */
function judge(points: readonly (readonly [number, number])[], overrides: Partial<WaterLevelRule> = {}): readonly AlertOutcome[] {
  const evaluator = new WaterLevelEvaluator({ ...rule, ...overrides }, station);
  let outcomes: readonly AlertOutcome[] = [];
  for (const [offset, value] of points) outcomes = evaluator.accept(levelReading(station.id, T0 + offset, value));
  return outcomes;
}

/** Severity of a breach, or the kind of outcome: a reading in order brings exactly one verdict. */
const severitiesOf = (outcomes: readonly AlertOutcome[]) => outcomes.map((outcome) => (outcome.type === 'breach' ? outcome.severity : outcome.type));

describe('WaterLevelEvaluator', () => {
  it('watches its station for its rule, with the rule’s clearing policy', () => {
    const evaluator = new WaterLevelEvaluator({ ...rule, renotifyAfterMs: 3_600_000 }, station);
    expect([evaluator.subject, evaluator.policy, evaluator.inputs]).toEqual([
      { ruleId: 'wl-wenxi', kind: 'water_level', subjectId: station.id, stationIds: [station.id], district: 'yongjia', basin: 'ou' },
      { clearingDelayMs: 30 * MIN, renotifyAfterMs: 3_600_000 },
      [{ stationId: station.id, element: 'water_level' }],
    ]);
    expect(new WaterLevelEvaluator(rule, station).policy).toEqual({ clearingDelayMs: 30 * MIN });
  });

  it('refuses a station other than the rule’s', () => {
    expect(() => new WaterLevelEvaluator(rule, sampleRiverStation({ id: '70100009' }))).toThrow(RangeError);
  });

  it.each([
    [4.199, 'normal'],
    [4.2, 'yellow'],
    [4.999, 'yellow'],
    [5.0, 'orange'],
    [5.799, 'orange'],
    [5.8, 'red'],
    [12, 'red'],
  ] as const)('a reading of %p m is %s', (value, expected) => {
    expect(severitiesOf(judge([[0, value]]))).toEqual([expected]);
  });

  it.each([
    ['4.20 then 4.15: still at the warning level', [4.2, 4.15], 'yellow'],
    ['4.20 then 4.101: 1 mm inside the hysteresis', [4.2, 4.101], 'yellow'],
    ['4.20 then 4.10: exactly the hysteresis back, cleared', [4.2, 4.1], 'normal'],
    ['5.00 then 4.95: still at the guaranteed level', [5.0, 4.95], 'orange'],
    ['5.00 then 4.90: back to the warning level', [5.0, 4.9], 'yellow'],
    ['4.15 never having reached 4.20', [4.0, 4.15], 'normal'],
  ] as const)('hysteresis: %s', (_case, values, expected) => {
    expect(severitiesOf(judge(values.map((value, i) => [i * 5 * MIN, value] as const)))).toEqual([expected]);
  });

  it.each([
    ['at the level', 1.5, 'yellow'],
    ['inside the hysteresis', 1.55, 'yellow'],
    ['exactly the hysteresis back, still under the first level', 1.6, 'blue'],
  ] as const)('falling levels (a plain network drained): %s', (_case, second, expected) => {
    const low: Partial<WaterLevelRule> = {
      direction: 'falling',
      thresholds: [
        { code: 'low', name: '低水位', level: 2.0, severity: 'blue' },
        { code: 'very_low', name: '最低控制水位', level: 1.5, severity: 'yellow' },
      ],
    };
    expect(severitiesOf(judge([[0, 1.5], [5 * MIN, second]], low))).toEqual([expected]);
  });

  it.each([
    ['a first crossing', [[0, 4.3]], 'normal'],
    ['held 1 ms short of the minimum duration', [[0, 4.3], [30 * MIN - 1, 4.3]], 'normal'],
    ['held exactly the minimum duration', [[0, 4.3], [30 * MIN, 4.3]], 'yellow'],
    ['interrupted by a reading below', [[0, 4.3], [10 * MIN, 4.0], [30 * MIN, 4.3]], 'normal'],
    ['interrupted only within the hysteresis', [[0, 4.3], [10 * MIN, 4.15], [30 * MIN, 4.3]], 'yellow'],
    ['a higher level not yet held long enough', [[0, 4.3], [20 * MIN, 5.1], [40 * MIN, 5.1]], 'yellow'],
    ['the higher level held long enough', [[0, 4.3], [20 * MIN, 5.1], [50 * MIN, 5.1]], 'orange'],
    ['a fall not yet held long enough', [[0, 4.3], [30 * MIN, 4.3], [40 * MIN, 4.0], [70 * MIN - 1, 4.0]], 'yellow'],
    ['a fall held long enough', [[0, 4.3], [30 * MIN, 4.3], [40 * MIN, 4.0], [70 * MIN, 4.0]], 'normal'],
  ] as const)('minimum duration of 30 min: %s', (_case, points, expected) => {
    expect(severitiesOf(judge(points, { minDurationMs: 30 * MIN }))).toEqual([expected]);
  });

  it('reports the reading judged, the threshold crossed and the observation time', () => {
    expect(judge([[0, 5.2], [5 * MIN, 4.97]])).toEqual([
      {
        type: 'breach',
        severity: 'orange',
        observedAt: T0 + 5 * MIN,
        details: { stationId: station.id, value: 4.97, level: 5.0, thresholdCode: 'guaranteed', thresholdName: '保证水位', direction: 'rising', unit: 'm' },
      },
    ]);
    expect(judge([[0, 4.0]])).toEqual([{ type: 'normal', observedAt: T0 }]);
  });

  it('places a late reading and re-judges every observation time from its own to the newest', () => {
    const evaluator = new WaterLevelEvaluator({ ...rule, minDurationMs: 30 * MIN }, station);
    evaluator.accept(levelReading(station.id, T0, 4.3));
    expect(evaluator.accept(levelReading(station.id, T0 + 30 * MIN, 4.3))).toMatchObject([{ type: 'breach', severity: 'yellow', observedAt: T0 + 30 * MIN }]);
    // A BeiDou batch reveals the level dipped below in between: the run never lasted 30 minutes.
    expect(evaluator.accept(levelReading(station.id, T0 + 15 * MIN, 4.0))).toEqual([
      { type: 'normal', observedAt: T0 + 15 * MIN },
      { type: 'normal', observedAt: T0 + 30 * MIN },
    ]);
  });

  it('can escalate on a late reading that completes a run, at the time the run completed', () => {
    const evaluator = new WaterLevelEvaluator({ ...rule, minDurationMs: 30 * MIN }, station);
    evaluator.accept(levelReading(station.id, T0 + 30 * MIN, 5.1));
    expect(evaluator.accept(levelReading(station.id, T0, 5.1))).toMatchObject([
      { type: 'normal', observedAt: T0 },
      { type: 'breach', severity: 'orange', observedAt: T0 + 30 * MIN },
    ]);
  });

  it.each([
    ['a copy of a reading held', levelReading(station.id, T0, 4.5)],
    ['a suspect reading', levelReading(station.id, T0 + MIN, 9.9, 'suspect')],
    ['another station’s reading', levelReading('70100009', T0 + MIN, 9.9)],
    ['another element', { ...levelReading(station.id, T0 + MIN, 9.9), element: 'rainfall' as const }],
    ['a reading too late to place', levelReading(station.id, T0 - LATE_READING_HORIZON_MS - 1, 9.9)],
    ['a reading of no number', levelReading(station.id, T0 + MIN, Number.NaN)],
  ])('ignores %s: no outcome, no change', (_case, reading) => {
    const evaluator = new WaterLevelEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0, 4.5));
    const before = evaluator.current();
    expect(evaluator.accept(reading)).toEqual([]);
    expect(evaluator.current()).toEqual(before);
  });

  it('places a reading exactly the late horizon behind the newest, and judges its time and the newest', () => {
    const evaluator = new WaterLevelEvaluator({ ...rule, minDurationMs: LATE_READING_HORIZON_MS }, station);
    evaluator.accept(levelReading(station.id, T0, 4.5));
    expect(evaluator.accept(levelReading(station.id, T0 - LATE_READING_HORIZON_MS, 4.5))).toMatchObject([
      { type: 'normal', observedAt: T0 - LATE_READING_HORIZON_MS },
      { type: 'breach', severity: 'yellow', observedAt: T0 },
    ]);
  });

  it.each([
    ['1 ms short of the stale time', 60 * MIN - 1, undefined],
    ['exactly the stale time', 60 * MIN, { type: 'no_data', since: T0 + 5 * MIN }],
  ] as const)('tick at %s after the newest reading', (_case, silence, expected) => {
    const evaluator = new WaterLevelEvaluator(rule, station);
    evaluator.accept(levelReading(station.id, T0 + 5 * MIN, 4.5));
    evaluator.accept(levelReading(station.id, T0, 4.5));
    expect(evaluator.tick(T0 + 5 * MIN + silence)).toEqual(expected);
  });

  it('says no data once per silence', () => {
    const evaluator = new WaterLevelEvaluator(rule, station);
    expect(evaluator.tick(T0)).toBeUndefined();
    evaluator.accept(levelReading(station.id, T0, 4.5));
    const ticks = [evaluator.tick(T0 + 60 * MIN), evaluator.tick(T0 + 90 * MIN)];
    evaluator.accept(levelReading(station.id, T0 + 100 * MIN, 4.5));
    ticks.push(evaluator.tick(T0 + 160 * MIN));
    expect(ticks).toEqual([{ type: 'no_data', since: T0 }, undefined, { type: 'no_data', since: T0 + 100 * MIN }]);
  });
});
