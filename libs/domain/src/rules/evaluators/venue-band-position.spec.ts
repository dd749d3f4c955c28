import { describe, expect, it } from '@jest/globals';
import { placeInBand, worstInBand } from './venue-band-position';

const H = 3_600_000;
// Binary-exact limits so that "exactly at the edge" is exact.
const band = { min: 2.5, max: 3.5, margin: 0.125, horizonMs: 2 * H };

describe('placeInBand', () => {
  it.each([
    ['mid-band and level', 3.0, undefined, 'inside'],
    ['exactly at max', 3.5, undefined, 'approaching'],
    ['1 mm above max', 3.501, undefined, 'outside'],
    ['exactly at min', 2.5, undefined, 'approaching'],
    ['1 mm below min', 2.499, undefined, 'outside'],
    ['exactly the margin below max', 3.375, undefined, 'approaching'],
    ['1 mm further inside', 3.374, undefined, 'inside'],
    ['exactly the margin above min', 2.625, 0, 'approaching'],
    ['rising to max in exactly the horizon', 3.0, 0.25, 'approaching'],
    ['falling to min in exactly the horizon', 3.0, -0.25, 'approaching'],
    ['rising too slowly to leave within the horizon', 3.0, 0.24, 'inside'],
    ['falling away from max', 3.4, -0.25, 'approaching'],
  ] as const)('%s: %s', (_case, value, trend, expected) => {
    expect(['inside', 'approaching', 'outside'][placeInBand(band, 'P1', value, trend).level]).toBe(expected);
  });

  it.each([
    ['the horizon', 2 * H, 1],
    ['1 ms short of the horizon', 2 * H - 1, 0],
  ] as const)('a trend reaching the limit in %s', (_case, horizonMs, level) => {
    expect(placeInBand({ ...band, horizonMs }, 'P1', 3.0, 0.25).level).toBe(level);
  });

  it.each([
    ['inside, rising', 3.0, 0.25, { distance: -0.5, leavesInHours: 2 }],
    ['inside, falling', 3.0, -0.125, { distance: -0.5, leavesInHours: 4 }],
    ['inside, level', 3.25, 0, { distance: -0.25, leavesInHours: undefined }],
    ['inside, trend unknown', 2.75, undefined, { distance: -0.25, leavesInHours: undefined }],
    ['outside above', 3.75, -1, { distance: 0.25, leavesInHours: 0 }],
    ['outside below', 2.25, 1, { distance: 0.25, leavesInHours: 0 }],
  ] as const)('distance and time to leave: %s', (_case, value, trend, expected) => {
    expect(placeInBand(band, 'P1', value, trend)).toMatchObject(expected);
  });
});

describe('worstInBand', () => {
  const at = (stationId: string, value: number, trend?: number) => placeInBand(band, stationId, value, trend);

  it.each([
    ['the most severe first', [at('P1', 3.45), at('P2', 3.0, 0.5)], 'P1'],
    ['outside beats approaching', [at('P1', 3.45), at('P2', 2.4)], 'P2'],
    ['then the one furthest out', [at('P1', 3.6), at('P2', 2.25)], 'P2'],
    ['then the one nearest a limit', [at('P1', 3.0, 0.25), at('P2', 3.4)], 'P2'],
    ['then the rule’s order', [at('P1', 3.0), at('P2', 3.0)], 'P1'],
    ['skipping silent gauges', [undefined, at('P2', 3.0)], 'P2'],
  ] as const)('%s', (_case, gauges, expected) => {
    expect(worstInBand(gauges)?.stationId).toBe(expected);
  });

  it('has no worst among silent gauges', () => {
    expect(worstInBand([undefined, undefined])).toBeUndefined();
  });
});
