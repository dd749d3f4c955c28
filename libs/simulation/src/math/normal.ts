/*
 * The error function family, for rain that falls as Gaussian pulses and levels that respond
 * to them. Numerical Recipes' Chebyshev fit of erfc: fractional error below 1.2e-7 everywhere.
 */

/** exp(x²)·erfc(x) for x ≥ 0, without the overflow of computing the two factors apart. */
export function erfcxNonNegative(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(poly);
}

export function erfc(x: number): number {
  return x >= 0 ? erfcxNonNegative(x) * Math.exp(-x * x) : 2 - erfcxNonNegative(-x) * Math.exp(-x * x);
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/** Standard normal cumulative distribution Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** exp(a)·erfc(z), stable when a is large and erfc(z) tiny (or the reverse). */
export function expTimesErfc(a: number, z: number): number {
  return z >= 0 ? Math.exp(a - z * z) * erfcxNonNegative(z) : Math.exp(a) * erfc(z);
}
