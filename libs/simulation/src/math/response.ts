import { expTimesErfc, normalCdf } from './normal';

/*
 * Catchment response: a Gaussian rain pulse (centre μ, spread σ) through a linear reservoir
 * with recession constant K gives the exponentially modified Gaussian (EMG). Its rising limb
 * follows the rain, its peak comes after the rain's, and it recedes as exp(−t/K).
 * All times here are in hours.
 */
export interface Pulse {
  /** Centre of the rain pulse (after any routing lag), hours. */
  readonly centre: number;
  /** Spread of the rain pulse, hours. */
  readonly spread: number;
  /** Recession constant of the catchment or reservoir, hours. */
  readonly recession: number;
}

/** The EMG density at t (integrates to 1 over all t). */
export function responseDensity(pulse: Pulse, t: number): number {
  const { centre: mu, spread: sigma, recession: k } = pulse;
  const a = (mu - t) / k + (sigma * sigma) / (2 * k * k);
  const z = (mu + (sigma * sigma) / k - t) / (Math.SQRT2 * sigma);
  return expTimesErfc(a, z) / (2 * k);
}

/** The EMG cumulative: the share of the pulse's volume arrived by t (0 → 1). */
export function responseCumulative(pulse: Pulse, t: number): number {
  const { centre: mu, spread: sigma, recession: k } = pulse;
  const u = (t - mu) / sigma;
  const a = (mu - t) / k + (sigma * sigma) / (2 * k * k);
  const z = (mu + (sigma * sigma) / k - t) / (Math.SQRT2 * sigma);
  // exp(a)·Φ(u − σ/K) = exp(a)·erfc(z)/2
  return Math.max(0, Math.min(1, normalCdf(u) - expTimesErfc(a, z) / 2));
}

/** Where the response peaks and how high, found by a scan (no closed form exists). */
export function responsePeak(pulse: Pulse): { time: number; value: number } {
  const from = pulse.centre - 2 * pulse.spread;
  const to = pulse.centre + 3 * pulse.spread + 3 * pulse.recession;
  let best = { time: from, value: responseDensity(pulse, from) };
  for (let t = from; t <= to; t += 0.05) {
    const value = responseDensity(pulse, t);
    if (value > best.value) best = { time: t, value };
  }
  return best;
}
