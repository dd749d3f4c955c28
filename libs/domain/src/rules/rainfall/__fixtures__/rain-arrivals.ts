import fc from 'fast-check';
import type { Reading } from '../../../telemetry/reading';
import { rainReading, T0 } from './rain-gauges';

/** Mostly dry 5-minute reports, some showers, now and then a cloudburst; in 0.1 mm. */
const tenths = fc.oneof(
  { arbitrary: fc.constant(0), weight: 6 },
  { arbitrary: fc.integer({ min: 1, max: 60 }), weight: 3 },
  { arbitrary: fc.integer({ min: 100, max: 300 }), weight: 1 },
);

/**
 * Each gauge's timed 5-minute reports over `spanHours`, about one in eight lost; and the same reports
 * in a second, shuffled arrival order.
 */
export function rainInTwoOrders(gaugeIds: readonly string[], spanHours: number): fc.Arbitrary<readonly [readonly Reading[], readonly Reading[]]> {
  const slots = spanHours * 12;
  const series = fc.array(fc.option(tenths, { freq: 8 }), { minLength: slots, maxLength: slots });
  return fc
    .tuple(...gaugeIds.map(() => series))
    .map((perGauge) =>
      perGauge.flatMap((values, g) =>
        values.flatMap((value, slot) => (value === null ? [] : [rainReading(gaugeIds[g]!, T0 + (slot + 1) * 5 * 60_000, value / 10)])),
      ),
    )
    .chain((set) => fc.tuple(fc.constant(set), fc.shuffledSubarray(set, { minLength: set.length, maxLength: set.length })));
}
