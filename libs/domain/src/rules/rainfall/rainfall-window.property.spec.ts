import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { T0 } from './__fixtures__/rain-gauges';
import { RainfallWindow } from './rainfall-window';

/** Reports on a minute grid over 30 h (so some fall out of the kept span), in 0.1 mm, repeats allowed. */
const arrivals = fc.array(fc.record({ minute: fc.integer({ min: 0, max: 30 * 60 }), tenths: fc.integer({ min: 0, max: 300 }) }), {
  minLength: 1,
  maxLength: 200,
});
const query = fc.record({ hours: fc.constantFrom(1, 3, 6, 12, 24), shiftMinutes: fc.integer({ min: -60, max: 120 }) });

describe('RainfallWindow against summing by hand', () => {
  it('gives the sum of the latest value of every report in (t − w, t], whatever the arrival order', () => {
    fc.assert(
      fc.property(arrivals, query, (reports, { hours, shiftMinutes }) => {
        const window = new RainfallWindow({ reportingIntervalMinutes: 5 });
        const latest = new Map<number, number>();
        for (const { minute, tenths } of reports) {
          window.record(T0 + minute * MINUTE_MS, tenths / 10);
          latest.set(minute, tenths);
        }
        const newestMinute = Math.max(...latest.keys());
        // Totals are whole for windows ending up to the margin (an hour) before the newest report.
        const endMinute = newestMinute + shiftMinutes;
        const inWindow = [...latest].filter(([minute]) => minute > endMinute - hours * 60 && minute <= endMinute);
        const timed = inWindow.filter(([minute]) => minute % 5 === 0).length;
        const slots = Math.floor(endMinute / 5) - Math.floor((endMinute - hours * 60) / 5);

        const total = window.total(T0 + endMinute * MINUTE_MS, hours * HOUR_MS);
        expect(total.micrometres).toBe(inWindow.reduce((sum, [, tenths]) => sum + tenths * 100, 0));
        expect(total.reports).toBe(inWindow.length);
        expect(total.missingReports).toBe(slots - timed);
      }),
    );
  });
});
