import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AlertBook } from '../alerts/alert-book';
import { compareSeverity, moreSevere, type Severity } from '../alerts/severity';
import type { Reading } from '../telemetry/reading';
import { MINUTE_MS } from '../time/durations';
import { rainReading, T0 } from './rainfall/__fixtures__/rain-gauges';
import { RuleEngine } from './rule-engine';
import { engineStations, RAIN, RIVER, stormRuleSet, VENUE_GAUGES } from './rule-engine.fixture';

const DETECTED_AT = T0 + 6 * 60 * MINUTE_MS;
const SLOTS = 24;

const level = (stationId: string, minute: number, value: number): Reading => ({ stationId, element: 'water_level', observedAt: T0 + minute * MINUTE_MS, value, quality: 'good' });

/** Levels around the river's 警戒水位 (4.25) and 保证水位 (5) and the venue band [3, 3.5] with its margin. */
const riverLevel = fc.constantFrom(3.75, 4.125, 4.25, 4.5, 5, 5.5);
const venueLevel = fc.constantFrom(2.875, 3.0625, 3.25, 3.4375, 3.625);
const rainTenths = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 }, { arbitrary: fc.integer({ min: 100, max: 250 }), weight: 2 });
/** A slot's report, or none (lost, or never sent: about one in six). */
const slot = <T>(value: fc.Arbitrary<T>) => fc.option(value, { freq: 5 });

/**
 * Two hours of a storm that comes and goes: every gauge's value is drawn anew each 5-minute slot, so
 * rivers rise and fall, the venue leaves its band and returns, and rain comes in bursts; some reports
 * are missing.
 */
const comingAndGoing = fc
  .record({
    river: fc.array(slot(riverLevel), { minLength: SLOTS, maxLength: SLOTS }),
    venue: fc.tuple(fc.array(slot(venueLevel), { minLength: SLOTS, maxLength: SLOTS }), fc.array(slot(venueLevel), { minLength: SLOTS, maxLength: SLOTS })),
    rain: fc.tuple(fc.array(slot(rainTenths), { minLength: SLOTS, maxLength: SLOTS }), fc.array(slot(rainTenths), { minLength: SLOTS, maxLength: SLOTS })),
  })
  .map(({ river, venue, rain }) => {
    const readings: Reading[] = [];
    for (let k = 0; k < SLOTS; k++) {
      const minute = (k + 1) * 5;
      const value = river[k];
      if (value !== null && value !== undefined) readings.push(level(RIVER, minute, value));
      VENUE_GAUGES.forEach((gauge, g) => {
        const venueValue = venue[g]![k];
        if (venueValue !== null && venueValue !== undefined) readings.push(level(gauge, minute, venueValue));
      });
      RAIN.forEach((gauge, g) => {
        const tenths = rain[g]![k];
        if (tenths !== null && tenths !== undefined) readings.push(rainReading(gauge, T0 + minute * MINUTE_MS, tenths / 10));
      });
    }
    return readings;
  });

/**
 * The same readings shuffled and cut into batches of 1 to 8, as cellular reports and BeiDou catch-up
 * batches mix; with every rule's clearing delay 0 or 15 minutes.
 */
const arrivals = comingAndGoing.chain((readings) =>
  fc.tuple(
    fc.constant(readings),
    fc.constantFrom(0, 15 * MINUTE_MS),
    fc.shuffledSubarray(readings, { minLength: readings.length, maxLength: readings.length }).chain((shuffled) =>
      fc.array(fc.integer({ min: 1, max: 8 }), { minLength: shuffled.length, maxLength: shuffled.length }).map((sizes) => {
        const batches: Reading[][] = [];
        for (let start = 0, k = 0; start < shuffled.length; start += sizes[k]!, k += 1) batches.push(shuffled.slice(start, start + sizes[k]!));
        return batches;
      }),
    ),
  ),
);

/** The highest level each (rule, subject) reached over all its alerts. */
function peaks(batches: readonly (readonly Reading[])[], clearingDelayMs: number): Map<string, Severity> {
  const rules = stormRuleSet();
  const delayed = <T extends { clearingDelayMs: number }>(rule: T): T => ({ ...rule, clearingDelayMs });
  const ruleSet = { waterLevel: rules.waterLevel.map(delayed), rateOfRise: rules.rateOfRise.map(delayed), venues: rules.venues.map(delayed), mountainTorrent: rules.mountainTorrent.map(delayed) };
  const engine = new RuleEngine(ruleSet, engineStations);
  const book = new AlertBook({ policyFor: (ruleId) => engine.policyFor(ruleId) ?? { clearingDelayMs: 0 } });
  for (const batch of batches) for (const { subject, outcome } of engine.accept(batch)) book.observe(subject, outcome, DETECTED_AT);
  const highest = new Map<string, Severity>();
  for (const alert of book.list({ includeClosed: true })) {
    const key = `${alert.kind} ${alert.ruleId} ${alert.subjectId}`;
    const known = highest.get(key);
    highest.set(key, known === undefined ? alert.peakSeverity : moreSevere(known, alert.peakSeverity));
  }
  return highest;
}

describe('RuleEngine folded through the alert book, with readings late and out of order', () => {
  it('never loses a level that readings in observation-time order alert on, however a storm that comes and goes arrives', () => {
    const kindsRaised = new Set<string>();
    fc.assert(
      fc.property(arrivals, ([readings, clearingDelayMs, batches]) => {
        const inOrder = peaks([...readings].sort((a, b) => a.observedAt - b.observedAt).map((reading) => [reading]), clearingDelayMs);
        const arrived = peaks(batches, clearingDelayMs);
        for (const subject of inOrder.keys()) kindsRaised.add(subject.split(' ')[0]!);
        // The peak seen in arrival order may be higher (a gap makes a short excursion look sustained), never lower.
        const lost = [...inOrder]
          .filter(([subject, peak]) => {
            const seen = arrived.get(subject);
            return seen === undefined || compareSeverity(seen, peak) < 0;
          })
          .map(([subject, peak]) => `${subject}: ${peak} in order, ${arrived.get(subject) ?? 'nothing'} as arrived`);
        expect(lost).toEqual([]);
      }),
      { numRuns: 200 },
    );
    expect([...kindsRaised].sort()).toEqual(['mountain_torrent', 'rate_of_rise', 'venue_band', 'water_level']);
  });
});
