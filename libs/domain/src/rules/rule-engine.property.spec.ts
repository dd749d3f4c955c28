import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import type { Alert } from '../alerts/alert';
import { AlertBook } from '../alerts/alert-book';
import type { AlertEvent } from '../alerts/alert-event';
import type { Reading } from '../telemetry/reading';
import { MINUTE_MS } from '../time/durations';
import { rainReading, T0 } from './rainfall/__fixtures__/rain-gauges';
import { RuleEngine } from './rule-engine';
import { engineStations, RAIN, RIVER, stormRuleSet, VENUE_GAUGES } from './rule-engine.fixture';

/** Detection time is the same for every outcome, so only the order readings arrive in differs. */
const DETECTED_AT = T0 + 3 * 60 * MINUTE_MS;
const SLOTS = 12;

const level = (stationId: string, minute: number, value: number, quality: Reading['quality'] = 'good'): Reading => ({
  stationId,
  element: 'water_level',
  observedAt: T0 + minute * MINUTE_MS,
  value,
  quality,
});

/** Which of a station's twelve 5-minute reports came through (about one in seven is lost). */
const reported = fc.array(fc.integer({ min: 0, max: 6 }).map((draw) => draw !== 0), { minLength: SLOTS, maxLength: SLOTS });
const rainTenths = fc.oneof({ arbitrary: fc.constant(0), weight: 5 }, { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 }, { arbitrary: fc.integer({ min: 100, max: 200 }), weight: 1 });

/**
 * An hour of a storm that only worsens: the river rises steadily (slowly or fast, from below, near or
 * above 警戒水位), each venue gauge holds a level inside, near or outside the band, and rain only adds up
 * inside the hour. Rules judge at the newest observation time, so what an alert shows is the same for any
 * arrival order only when no verdict seen on the way is later withdrawn: the river gauge reports every
 * slot (a gap at the end of the hour would leave its rise unjudged there, after a breach seen before
 * it). Venue and rain gauges lose some reports; some readings arrive as suspect copies with absurd values.
 */
const worseningStorm = fc
  .record({
    riverStart: fc.constantFrom(3.75, 4.125, 4.625),
    riverRisePerHour: fc.constantFrom(0.25, 0.75),
    venueLevels: fc.tuple(fc.constantFrom(3.25, 3.4375, 3.625), fc.constantFrom(3.25, 3.4375, 3.625)),
    venue: fc.tuple(reported, reported),
    rain: fc.tuple(fc.array(fc.option(rainTenths, { freq: 6 }), { minLength: SLOTS, maxLength: SLOTS }), fc.array(fc.option(rainTenths, { freq: 6 }), { minLength: SLOTS, maxLength: SLOTS })),
    suspect: fc.array(fc.integer({ min: 1, max: SLOTS }), { maxLength: 4 }),
  })
  .map(({ riverStart, riverRisePerHour, venueLevels, venue, rain, suspect }) => {
    const readings: Reading[] = [];
    const minutes = Array.from({ length: SLOTS }, (_, k) => (k + 1) * 5);
    minutes.forEach((minute, k) => {
      readings.push(level(RIVER, minute, riverStart + (riverRisePerHour * minute) / 60));
      VENUE_GAUGES.forEach((gauge, g) => venue[g]![k] && readings.push(level(gauge, minute, venueLevels[g]!)));
      RAIN.forEach((gauge, g) => {
        const tenths = rain[g]![k];
        if (tenths !== null && tenths !== undefined) readings.push(rainReading(gauge, T0 + minute * MINUTE_MS, tenths / 10));
      });
    });
    for (const slot of suspect) readings.push(level(RIVER, slot * 5, 9.5, 'suspect'), rainReading(RAIN[0], T0 + slot * 5 * MINUTE_MS, 55, 'suspect'));
    return readings;
  });

/** The readings in observation-time order, one at a time; and the same readings shuffled, in batches of 1 to 6. */
const storms = worseningStorm.chain((readings) =>
  fc.tuple(
    fc.constant(readings.filter((reading) => reading.quality === 'good').sort((a, b) => a.observedAt - b.observedAt).map((reading) => [reading])),
    fc.shuffledSubarray(readings, { minLength: readings.length, maxLength: readings.length }).chain((shuffled) =>
      fc.array(fc.integer({ min: 1, max: 6 }), { minLength: shuffled.length, maxLength: shuffled.length }).map((sizes) => inBatches(shuffled, sizes)),
    ),
  ),
);

function inBatches(readings: readonly Reading[], sizes: readonly number[]): Reading[][] {
  const batches: Reading[][] = [];
  for (let start = 0, k = 0; start < readings.length; start += sizes[k]!, k += 1) batches.push(readings.slice(start, start + sizes[k]!));
  return batches;
}

/** Rules and alert book, fed batch by batch; returns the events. */
function fold(engine: RuleEngine, book: AlertBook, batches: readonly (readonly Reading[])[]): AlertEvent[] {
  const events: AlertEvent[] = [];
  for (const batch of batches) for (const { subject, outcome } of engine.accept(batch)) events.push(...book.observe(subject, outcome, DETECTED_AT));
  return events;
}

function run(batches: readonly (readonly Reading[])[]): { engine: RuleEngine; book: AlertBook } {
  const engine = new RuleEngine(stormRuleSet(), engineStations);
  const book = new AlertBook({ policyFor: (ruleId) => engine.policyFor(ruleId) ?? { clearingDelayMs: 0 } });
  fold(engine, book, batches);
  return { engine, book };
}

/**
 * An alert without what depends on when it was seen: its id and crossing time (the first breach seen),
 * detection times and the number of transitions (an escalation seen on the way, or not).
 */
function whatHolds(alert: Alert) {
  const { ruleId, subjectId, kind, state, acknowledged, severity, peakSeverity, lastObservedAt, details } = alert;
  return { ruleId, subjectId, kind, state, acknowledged, severity, peakSeverity, lastObservedAt, details };
}

/** By rule and subject: the duty order goes by how long alerts have waited, which depends on arrival. */
function whatTheBookHolds(book: AlertBook) {
  return book
    .list()
    .map(whatHolds)
    .sort((a, b) => a.ruleId.localeCompare(b.ruleId) || a.subjectId.localeCompare(b.subjectId));
}

describe('RuleEngine folded through the alert book', () => {
  it('ends in the same alerts whatever order and batches a worsening storm’s readings arrive in', () => {
    const kindsRaised = new Set<string>();
    fc.assert(
      fc.property(storms, ([inOrder, arrival]) => {
        const expected = whatTheBookHolds(run(inOrder).book);
        expect(whatTheBookHolds(run(arrival).book)).toEqual(expected);
        for (const alert of expected) kindsRaised.add(alert.kind);
      }),
    );
    // The property must have been put to the test with alerts of every kind.
    expect([...kindsRaised].sort()).toEqual(['mountain_torrent', 'rate_of_rise', 'venue_band', 'water_level']);
  });

  it('changes nothing when readings are fed again, in any order', () => {
    const storedAgain = storms.chain(([inOrder, arrival]) => fc.tuple(fc.constant(inOrder), fc.shuffledSubarray(arrival.flat(), { minLength: 1 })));
    fc.assert(
      fc.property(storedAgain, ([inOrder, again]) => {
        const { engine, book } = run(inOrder);
        const before = book.list();
        expect(fold(engine, book, inBatches(again, again.map(() => 3)))).toEqual([]);
        expect(book.list()).toEqual(before);
      }),
    );
  });
});
