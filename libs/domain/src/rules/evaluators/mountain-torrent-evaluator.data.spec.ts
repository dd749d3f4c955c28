import { describe, expect, it } from '@jest/globals';
import { AlertBook } from '../../alerts/alert-book';
import type { AlertOutcome } from '../../alerts/alert-outcome';
import type { Reading } from '../../telemetry/reading';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { lookupOf, rainGauge, rainReading, T0 } from '../rainfall/__fixtures__/rain-gauges';
import { byObservationTime, everyFiveMinutes, withBurst } from '../rainfall/__fixtures__/rain-reports';
import { torrentRule, warningArea } from '../rainfall/__fixtures__/warning-area';
import { RainfallWindows } from '../rainfall/rainfall-windows';
import { lastVerdictByTime, observedAtOf } from './__fixtures__/verdict-path';
import { MountainTorrentEvaluator } from './mountain-torrent-evaluator';

const G1 = '70110001';
const G2 = '70110002';
const G3 = '70110003';
const stations = lookupOf(rainGauge(G1), rainGauge(G2), rainGauge(G3));
const STALE_AFTER = 30 * MINUTE_MS;
const evaluatorFor = () => new MountainTorrentEvaluator(torrentRule(warningArea(), { staleAfterMs: STALE_AFTER }), stations);
const feed = (evaluator: MountainTorrentEvaluator, readings: readonly Reading[]): (readonly AlertOutcome[])[] => readings.map((reading) => evaluator.accept(reading));

/** Severity of each breach, or the kind of outcome, with the time it speaks for in minutes after T0. */
const verdicts = (outcomes: readonly AlertOutcome[]) =>
  outcomes.map((outcome) => [outcome.type === 'breach' ? outcome.severity : outcome.type, (observedAtOf(outcome) - T0) / MINUTE_MS] as const);

/** The same verdict at every 5-minute report time from one minute to another, both included. */
const every5 = (verdict: string, from: number, to: number) => Array.from({ length: (to - from) / 5 + 1 }, (_, k) => [verdict, from + k * 5] as const);

describe('MountainTorrentEvaluator with late, repeated and missing data', () => {
  describe('a BeiDou catch-up', () => {
    const end = T0 + 2 * HOUR_MS;
    const g1 = withBurst(withBurst(everyFiveMinutes(G1, T0, end), G1, T0 + 100 * MINUTE_MS, 25), G1, T0 + 115 * MINUTE_MS, 25);
    const live = byObservationTime([...g1.filter((reading) => reading.observedAt <= T0 + 30 * MINUTE_MS), ...everyFiveMinutes(G2, T0, end)]);
    const late = g1.filter((reading) => reading.observedAt > T0 + 30 * MINUTE_MS);

    it('gives no verdict while a gauge is behind, never "normal"', () => {
      const evaluator = evaluatorFor();
      const outcomes = feed(evaluator, live);
      const whileBehind = outcomes.filter((_, k) => live[k]!.observedAt > T0 + 30 * MINUTE_MS);
      expect(whileBehind).toHaveLength(18);
      expect(whileBehind.flat()).toEqual([]);
    });

    it.each([
      // The last report of the batch re-judges every report time from its own, all reports now in.
      ['newest first', [...late].reverse(), [...every5('normal', 35, 110), ['red', 115], ['red', 120]]],
      ['oldest first', late, [['red', 120]]],
      ['interleaved', [...late.filter((_, k) => k % 2 === 1), ...late.filter((_, k) => k % 2 === 0)], [['red', 115], ['red', 120]]],
    ])('ends, %s, where reports in observation order end, at every report time', (_case, catchUp, lastBrings) => {
      const inOrder = evaluatorFor();
      const said = feed(inOrder, byObservationTime([...g1, ...everyFiveMinutes(G2, T0, end)])).flat();
      const caughtUp = evaluatorFor();
      const saidLive = feed(caughtUp, live).flat();
      const outcomes = feed(caughtUp, catchUp);
      expect(verdicts(outcomes[outcomes.length - 1]!)).toEqual(lastBrings);
      expect(lastVerdictByTime([...saidLive, ...outcomes.flat()])).toEqual(lastVerdictByTime(said));
      expect(caughtUp.current()).toMatchObject({ type: 'breach', severity: 'red', observedAt: end });
      expect(caughtUp.current()?.type === 'breach' && caughtUp.current()).toMatchObject({ details: { rainfall: 50, gaugeId: G1, incomplete: false } });
    });
  });

  describe('the same observation again', () => {
    it.each([
      ['the copy over the other channel says nothing new', 40, []],
      ['a correction to less rain is judged again at every report time from its own', 30, every5('normal', 30, 60)],
      ['a correction to more rain is judged again at every report time from its own', 50, every5('red', 30, 60)],
    ] as const)('%s', (_case, corrected, expected) => {
      const evaluator = evaluatorFor();
      const readings = withBurst(byObservationTime([...everyFiveMinutes(G1, T0, T0 + HOUR_MS), ...everyFiveMinutes(G2, T0, T0 + HOUR_MS)]), G1, T0 + 30 * MINUTE_MS, 40);
      feed(evaluator, readings);
      expect(evaluator.current()).toMatchObject({ type: 'breach', severity: 'orange' });
      expect(verdicts(evaluator.accept(rainReading(G1, T0 + 30 * MINUTE_MS, corrected)))).toEqual(expected);
    });
  });

  describe('a silent gauge', () => {
    const g1Only = (burst: number) => withBurst(everyFiveMinutes(G1, T0, T0 + HOUR_MS), G1, T0 + HOUR_MS, burst);

    it('never lets the area be "normal"', () => {
      const outcomes = feed(evaluatorFor(), g1Only(0));
      expect(outcomes).toHaveLength(12);
      expect(outcomes.flat()).toEqual([]);
    });

    it('still raises on the gauges that report, saying the window is incomplete', () => {
      const evaluator = evaluatorFor();
      feed(evaluator, g1Only(40));
      expect(evaluator.current()).toMatchObject({ type: 'breach', details: { level: 'prepare', incomplete: true, silentGauges: [G2] } });
    });

    it.each([
      ['all of its reports in the window', 0, false, []],
      ['one report of the window missing', 1, true, [G2]],
    ] as const)('is complete again with %s', (_case, lost, incomplete, silentGauges) => {
      const evaluator = evaluatorFor();
      feed(evaluator, g1Only(40));
      feed(evaluator, everyFiveMinutes(G2, T0, T0 + HOUR_MS).slice(lost));
      expect(evaluator.current()).toMatchObject({ type: 'breach', details: { incomplete, silentGauges } });
    });

    it('keeps an alert open until every gauge reports again, and then clears it', () => {
      const evaluator = evaluatorFor();
      const book = new AlertBook({ policyFor: () => evaluator.policy });
      const observe = (readings: readonly Reading[]) =>
        feed(evaluator, readings)
          .flat()
          .forEach((outcome) => book.observe(evaluator.subject, outcome, T0 + 3 * HOUR_MS));
      observe(g1Only(40));
      observe(everyFiveMinutes(G1, T0 + HOUR_MS, T0 + 3 * HOUR_MS));
      expect(book.openFor(evaluator.subject.ruleId, evaluator.subject.subjectId)?.state).toBe('active');
      observe(everyFiveMinutes(G2, T0 + 2 * HOUR_MS + 30 * MINUTE_MS, T0 + 3 * HOUR_MS));
      expect(book.openFor(evaluator.subject.ruleId, evaluator.subject.subjectId)).toBeUndefined();
    });
  });

  describe('tick', () => {
    it.each([
      ['every gauge silent 1 ms short of staleAfter', STALE_AFTER - 1, undefined],
      ['every gauge silent exactly staleAfter', STALE_AFTER, { type: 'no_data', since: T0 + HOUR_MS }],
    ] as const)('%s', (_case, silence, outcome) => {
      const evaluator = evaluatorFor();
      feed(evaluator, byObservationTime([...everyFiveMinutes(G1, T0, T0 + HOUR_MS), ...everyFiveMinutes(G2, T0, T0 + 50 * MINUTE_MS)]));
      expect(evaluator.tick(T0 + HOUR_MS + silence)).toEqual(outcome);
    });

    it('says no_data once per silence, and again after the next silence', () => {
      const evaluator = evaluatorFor();
      evaluator.accept(rainReading(G1, T0, 0));
      expect(evaluator.tick(T0 + STALE_AFTER)?.type).toBe('no_data');
      expect(evaluator.tick(T0 + 2 * STALE_AFTER)).toBeUndefined();
      evaluator.accept(rainReading(G2, T0 + HOUR_MS, 0));
      expect(evaluator.tick(T0 + HOUR_MS + STALE_AFTER)).toEqual({ type: 'no_data', since: T0 + HOUR_MS });
    });

    it('says nothing while one gauge still reports, nor before any report', () => {
      const evaluator = evaluatorFor();
      expect(evaluator.tick(T0 + 10 * HOUR_MS)).toBeUndefined();
      evaluator.accept(rainReading(G1, T0, 0));
      evaluator.accept(rainReading(G2, T0 + HOUR_MS, 0));
      expect(evaluator.tick(T0 + HOUR_MS + STALE_AFTER - 1)).toBeUndefined();
    });
  });

  describe('readings it does not judge', () => {
    it.each([
      ['a suspect reading', rainReading(G1, T0 + HOUR_MS, 50, 'suspect')],
      ['a water level at one of its gauges', { ...rainReading(G1, T0 + HOUR_MS, 50), element: 'water_level' } as const],
      ['rain at a gauge of another area', rainReading(G3, T0 + HOUR_MS, 50)],
      ['a negative depth', rainReading(G1, T0 + HOUR_MS, -50)],
      ['a report older than the kept span', rainReading(G1, T0 + HOUR_MS - 25 * HOUR_MS, 50)],
    ])('ignores %s', (_case, reading: Reading) => {
      const evaluator = evaluatorFor();
      feed(evaluator, byObservationTime([...everyFiveMinutes(G1, T0, T0 + HOUR_MS), ...everyFiveMinutes(G2, T0, T0 + HOUR_MS)]));
      const before = evaluator.current();
      expect(evaluator.accept(reading)).toEqual([]);
      expect(evaluator.current()).toEqual(before);
    });
  });

  it('judges a report for every area sharing the gauge, once each', () => {
    const shared = new RainfallWindows(stations);
    const upstream = new MountainTorrentEvaluator(torrentRule(warningArea({ id: 'up', gaugeIds: [G1] })), stations, shared);
    const downstream = new MountainTorrentEvaluator(torrentRule(warningArea({ id: 'down', gaugeIds: [G1, G3] })), stations, shared);
    const burst = rainReading(G1, T0, 40);
    expect(upstream.accept(burst)).toMatchObject([{ type: 'breach', details: { areaId: 'up' } }]);
    expect(downstream.accept(burst)).toMatchObject([{ type: 'breach', details: { areaId: 'down', silentGauges: [G1, G3] } }]);
    expect(upstream.accept(burst)).toEqual([]);
    expect(downstream.accept(burst)).toEqual([]);
    expect(shared.size).toBe(2);
  });
});
