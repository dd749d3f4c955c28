import { describe, expect, it } from '@jest/globals';
import { compareSeverity, isSeverity, moreSevere, SEVERITIES, SEVERITY_NUMERALS, severityRank, type Severity } from './severity';

describe('severity', () => {
  it.each([
    ['blue', 0, 'IV'],
    ['yellow', 1, 'III'],
    ['orange', 2, 'II'],
    ['red', 3, 'I'],
  ] as const)('ranks %s as %i, warning level %s', (severity, rank, numeral) => {
    expect(severityRank(severity)).toBe(rank);
    expect(SEVERITY_NUMERALS[severity]).toBe(numeral);
  });

  it.each([
    ['blue', 'yellow', -1],
    ['yellow', 'blue', 1],
    ['orange', 'orange', 0],
    ['red', 'blue', 1],
    ['blue', 'red', -1],
  ] as const)('compares %s with %s by rank, not by name', (a, b, sign) => {
    expect(Math.sign(compareSeverity(a, b))).toBe(sign);
  });

  it('sorts a shuffled list from least to most severe', () => {
    const shuffled: Severity[] = ['red', 'blue', 'orange', 'yellow'];
    expect(shuffled.sort(compareSeverity)).toEqual([...SEVERITIES]);
  });

  it.each([
    ['blue', 'red', 'red'],
    ['orange', 'yellow', 'orange'],
    ['yellow', 'yellow', 'yellow'],
  ] as const)('picks the more severe of %s and %s', (a, b, expected) => {
    expect(moreSevere(a, b)).toBe(expected);
  });

  it.each([
    ['red', true],
    ['Red', false],
    ['green', false],
    ['', false],
  ])('recognises %j as a severity: %s', (name, expected) => {
    expect(isSeverity(name)).toBe(expected);
  });
});
