import { HOUR_MS } from '../../../time/durations';

/**
 * Least-squares slope, in value units per hour, of the points `first`…`last` (inclusive) of two
 * parallel arrays; undefined with fewer than two points. Computed afresh from the points, centred on
 * their means, rather than from running sums: the same points then give the same bits whatever order
 * they arrived in, and a window holds a dozen points or so.
 */
export function levelTrendPerHour(times: readonly number[], values: readonly number[], first: number, last: number): number | undefined {
  const count = last - first + 1;
  if (count < 2) return undefined;
  const origin = times[last]!;
  let meanX = 0;
  let meanY = 0;
  for (let i = first; i <= last; i++) {
    meanX += (times[i]! - origin) / HOUR_MS;
    meanY += values[i]!;
  }
  meanX /= count;
  meanY /= count;
  let spread = 0;
  let covariance = 0;
  for (let i = first; i <= last; i++) {
    const dx = (times[i]! - origin) / HOUR_MS - meanX;
    spread += dx * dx;
    covariance += dx * (values[i]! - meanY);
  }
  return spread > 0 ? covariance / spread : undefined;
}
