import { describe, expect, it } from '@jest/globals';
import type { Reading } from '../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { rainReading, T0 } from './rainfall/__fixtures__/rain-gauges';
import { everyFiveMinutes, withBurst } from './rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from './rainfall/__fixtures__/warning-area';
import { RuleEngine } from './rule-engine';
import { engineStations, RAIN, RIVER, stormRuleSet, VENUE_GAUGES } from './rule-engine.fixture';
import type { RuleSet } from './rule-set';

const [G1, G2] = RAIN;
const TORRENT = 'mt-yj-yantou-lishui';
const level = (stationId: string, observedAt: number, value: number, quality: Reading['quality'] = 'good'): Reading => ({
  stationId,
  element: 'water_level',
  observedAt,
  value,
  quality,
});
const engineFor = (ruleSet: RuleSet = stormRuleSet()) => new RuleEngine(ruleSet, engineStations);
const ruleIds = (verdicts: readonly { subject: { ruleId: string } }[]) => verdicts.map((verdict) => verdict.subject.ruleId);

describe('RuleEngine', () => {
  describe('routing a reading', () => {
    it.each([
      ['a river level to the level rules of its station', level(RIVER, T0, 5.5), ['wl-wenxi']],
      ['a plain-network level to the venue', level(VENUE_GAUGES[0], T0, 3.25), ['venue-dragon-boat']],
      ['rain to the warning area of its gauge', rainReading(G1, T0, 50), [TORRENT]],
      ['rain at the river gauge, which no rule reads, nowhere', rainReading(RIVER, T0, 50), []],
      ['a level at a rain gauge nowhere', level(G1, T0, 5.5), []],
      ['a suspect reading nowhere', rainReading(G1, T0, 50, 'suspect'), []],
    ])('hands %s', (_case, reading, expected) => {
      expect(ruleIds(engineFor().accept([reading]))).toEqual(expected);
    });

    it('never lets a suspect reading into a rule’s windows', () => {
      const engine = engineFor();
      engine.accept([rainReading(G1, T0, 50, 'suspect')]);
      const [verdict] = engine.accept([rainReading(G1, T0 + 5 * MINUTE_MS, 0)]);
      expect(verdict).toBeUndefined();
      expect(engine.accept([rainReading(G1, T0 + 10 * MINUTE_MS, 36)])[0]?.outcome).toMatchObject({ type: 'breach', details: { rainfall: 36 } });
    });

    it('gives each verdict its rule’s subject and policy', () => {
      const engine = engineFor();
      const [verdict] = engine.accept([rainReading(G1, T0, 50)]);
      expect(verdict?.subject).toBe(engine.evaluatorOf(TORRENT)?.subject);
      expect(verdict?.policy).toEqual(engine.policyFor(TORRENT));
      expect(verdict?.outcome).toMatchObject({ type: 'breach', severity: 'red', observedAt: T0 });
    });

    it('takes a batch in observation-time order', () => {
      const batch = [level(RIVER, T0 + 10 * MINUTE_MS, 4.5), level(RIVER, T0, 4.5), level(RIVER, T0 + 5 * MINUTE_MS, 4.5)];
      const verdicts = engineFor().accept(batch).filter((verdict) => verdict.subject.ruleId === 'wl-wenxi');
      expect(verdicts.map((verdict) => verdict.outcome)).toEqual([
        { type: 'normal', observedAt: T0 },
        { type: 'normal', observedAt: T0 + 5 * MINUTE_MS },
        expect.objectContaining({ type: 'breach', severity: 'yellow', observedAt: T0 + 10 * MINUTE_MS }),
      ]);
    });

    it('judges every warning area that shares a gauge, keeping the gauge’s rain once', () => {
      const shared = { ...stormRuleSet(), mountainTorrent: [torrentRule(warningArea({ id: 'a', gaugeIds: [G1, G2] })), torrentRule(warningArea({ id: 'b', gaugeIds: [G1] }))] };
      const engine = engineFor(shared);
      expect(ruleIds(engine.accept([rainReading(G1, T0, 50)]))).toEqual(['mt-a', 'mt-b']);
      expect(engine.rainfall.size).toBe(2);
    });
  });

  describe('tick', () => {
    it.each([
      ['1 ms short of the level rules’ 2 h', 2 * HOUR_MS - 1, [TORRENT]],
      ['exactly 2 h', 2 * HOUR_MS, ['wl-wenxi', 'ror-wenxi', TORRENT]],
    ])('says no_data for the rules whose gauges have been silent, %s', (_case, silence, expected) => {
      const engine = engineFor();
      engine.accept([level(RIVER, T0, 4), rainReading(G1, T0, 0)]);
      const verdicts = engine.tick(T0 + silence);
      expect(ruleIds(verdicts)).toEqual(expected);
      expect(verdicts.every((verdict) => verdict.outcome.type === 'no_data')).toBe(true);
    });
  });

  describe('restore', () => {
    it('rebuilds the rain windows from history so the next report is judged on the whole day', () => {
      const next = [rainReading(G1, T0 + HOUR_MS + 5 * MINUTE_MS, 0), rainReading(G2, T0 + HOUR_MS + 5 * MINUTE_MS, 0)];
      const restored = engineFor();
      restored.restore(withBurst([...everyFiveMinutes(G1, T0, T0 + HOUR_MS), ...everyFiveMinutes(G2, T0, T0 + HOUR_MS)], G1, T0 + 30 * MINUTE_MS, 40));
      const breach = expect.objectContaining({ type: 'breach', severity: 'orange', details: expect.objectContaining({ rainfall: 40 }) });
      expect(restored.accept(next).map((verdict) => verdict.outcome)).toEqual([breach, breach]);
      expect(engineFor().accept(next).map((verdict) => verdict.outcome.type)).toEqual(['normal']);
    });

    it('feeds history in observation-time order, whatever order the store returned it in', () => {
      const inOrder = engineFor();
      const shuffled = engineFor();
      const history = [0, 5, 10, 15, 20, 25, 30].map((minute) => level(RIVER, T0 + minute * MINUTE_MS, 4 + minute / 40));
      inOrder.restore(history);
      shuffled.restore([...history].reverse());
      const next = [level(RIVER, T0 + 35 * MINUTE_MS, 5)];
      expect(shuffled.accept(next)).toEqual(inOrder.accept(next));
    });
  });

  describe('the rules in force', () => {
    it('lists them by kind in file order, with their policies', () => {
      const engine = engineFor();
      expect(engine.rules().map((rule) => rule.id)).toEqual(['wl-wenxi', 'ror-wenxi', 'venue-dragon-boat', TORRENT]);
      expect(engine.policyFor(TORRENT)).toEqual({ clearingDelayMs: 0 });
      expect(engine.policyFor('a-rule-since-removed')).toBeUndefined();
    });

    it('counts them per kind', () => {
      const set = stormRuleSet();
      const engine = engineFor({ ...set, venues: [], mountainTorrent: [torrentRule(warningArea({ id: 'a' })), torrentRule(warningArea({ id: 'b' }))] });
      expect(engine.counts()).toEqual({ water_level: 1, rate_of_rise: 1, venue_band: 0, mountain_torrent: 2 });
    });

    it.each([
      ['a station the registry does not know', (set: RuleSet): RuleSet => ({ ...set, waterLevel: [{ ...set.waterLevel[0]!, stationId: '79999999' }] })],
      ['a venue gauge the registry does not know', (set: RuleSet): RuleSet => ({ ...set, venues: [{ ...set.venues[0]!, stationIds: [VENUE_GAUGES[0], '79999999'] }] })],
      ['a venue without gauges', (set: RuleSet): RuleSet => ({ ...set, venues: [{ ...set.venues[0]!, stationIds: [] }] })],
      ['a rule id used twice', (set: RuleSet): RuleSet => ({ ...set, rateOfRise: [{ ...set.rateOfRise[0]!, id: 'wl-wenxi' }] })],
    ])('refuses %s', (_case, broken) => {
      expect(() => engineFor(broken(stormRuleSet()))).toThrow(RangeError);
    });
  });
});
