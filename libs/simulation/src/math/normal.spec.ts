import { erf, erfc, expTimesErfc, normalCdf } from './normal';

describe('error function', () => {
  it.each([
    [0, 0],
    [0.5, 0.5204998778],
    [1, 0.8427007929],
    [2, 0.995322265],
    [-1, -0.8427007929],
  ])('erf(%p) ≈ %p', (x, expected) => {
    expect(erf(x)).toBeCloseTo(expected, 7);
  });

  it('keeps the relative precision of erfc far in the tail', () => {
    expect(erfc(5) / 1.5374597944e-12).toBeCloseTo(1, 5);
  });

  it('gives the normal cumulative', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it('multiplies exp(a) by erfc(z) without overflow', () => {
    // Asymptotically erfc(z) ≈ exp(-z²)/(z√π)·(1 − 1/(2z²)).
    const expected = (Math.exp(800 - 900) / (30 * Math.sqrt(Math.PI))) * (1 - 1 / 1800);
    expect(expTimesErfc(800, 30) / expected).toBeCloseTo(1, 5);
    expect(Number.isFinite(expTimesErfc(800, 30))).toBe(true);
  });
});
