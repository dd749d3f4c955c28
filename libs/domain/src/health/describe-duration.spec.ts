import { describe, expect, it } from '@jest/globals';
import { describeDuration } from './describe-duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('describeDuration', () => {
  it.each([
    [30_000, '30 s'],
    [MINUTE - 1, '60 s'],
    [MINUTE, '1 min'],
    [45 * MINUTE, '45 min'],
    [HOUR, '1 h'],
    [2 * HOUR + 30 * MINUTE, '2 h 30 min'],
    [24 * HOUR, '1 d'],
    [74 * HOUR, '3 d 2 h'],
    [-14 * MINUTE, '14 min'],
  ])('%d ms reads "%s"', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
