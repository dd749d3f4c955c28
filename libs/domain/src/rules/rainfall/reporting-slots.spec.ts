import { describe, expect, it } from '@jest/globals';
import { HOUR_MS, MINUTE_MS } from '../../time/durations';
import { T0 } from './__fixtures__/rain-gauges';
import { latestSlotAtOrBefore, slotsBetween } from './reporting-slots';

const FIVE = 5 * MINUTE_MS;

describe('slotsBetween counts slots in (from, to]', () => {
  it.each([
    ['a slot at `to` is in', T0 - 1, T0, FIVE, 1],
    ['a slot at `from` is out', T0, T0 + FIVE - 1, FIVE, 0],
    ['a slot 1 ms after `from` is in', T0 - FIVE + 1, T0, FIVE, 1],
    ['an hour of 5-minute slots', T0, T0 + HOUR_MS, FIVE, 12],
    ['an hour of 5-minute slots, 1 ms short', T0, T0 + HOUR_MS - 1, FIVE, 11],
    ['an hour of hourly slots', T0 - 1, T0 + HOUR_MS - 1, HOUR_MS, 1],
    ['an empty span', T0, T0, FIVE, 0],
    ['no valid interval', T0, T0 + HOUR_MS, 0, 0],
  ])('%s', (_case, from, to, interval, slots) => {
    expect(slotsBetween(from, to, interval)).toBe(slots);
  });
});

describe('latestSlotAtOrBefore', () => {
  it.each([
    ['on a slot', T0, T0],
    ['1 ms before a slot', T0 - 1, T0 - FIVE],
    ['between slots', T0 + 2 * MINUTE_MS, T0],
  ])('%s', (_case, t, slot) => {
    expect(latestSlotAtOrBefore(t, FIVE)).toBe(slot);
  });

  it('has none without a valid interval', () => {
    expect(latestSlotAtOrBefore(T0, 0)).toBeUndefined();
  });
});
