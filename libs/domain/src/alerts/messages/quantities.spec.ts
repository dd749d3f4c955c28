import { describe, expect, it } from '@jest/globals';
import { metres, millimetres, signed } from './quantities';

describe('message quantities', () => {
  it.each([
    [4.2, '4.20'],
    [4.205, '4.21'],
    [-0.001, '0.00'],
    [12, '12.00'],
  ])('writes %d m as %s', (value, text) => {
    expect(metres(value)).toBe(text);
  });

  it.each([
    [100, '100'],
    [112.5, '112.5'],
    [0.04, '0'],
    [99.96, '100'],
    [0.5, '0.5'],
    [10.0, '10'],
  ])('writes %d mm as %s', (value, text) => {
    expect(millimetres(value)).toBe(text);
  });

  it.each([
    [4, '+4.0'],
    [-2.5, '-2.5'],
    [0, '0.0'],
    [-0.01, '0.0'],
  ])('signs a trend of %d as %s', (value, text) => {
    expect(signed(value, 1)).toBe(text);
  });
});
