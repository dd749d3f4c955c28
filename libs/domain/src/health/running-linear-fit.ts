const HOUR = 3_600_000;

/** Told of every point that enters or leaves a TimeWindowSeries. */
export interface SeriesObserver {
  pointAdded(time: number, value: number): void;
  pointRemoved(time: number, value: number): void;
}

/**
 * Least-squares slope of the points of a sliding window, kept up to date as points enter
 * and leave (O(1) each), so a sweep reads the battery trend of every station for nothing.
 * Times are hours from an origin near the points, moved forward now and then so that the
 * sums stay small and the subtraction in the slope loses no precision.
 */
export class RunningLinearFit implements SeriesObserver {
  private origin: number | undefined;
  private n = 0;
  private sumX = 0;
  private sumY = 0;
  private sumXY = 0;
  private sumXX = 0;

  /** @param rebaseAfterMs how far past the origin a point may lie before the origin moves to it. */
  constructor(private readonly rebaseAfterMs: number) {}

  get count(): number {
    return this.n;
  }

  pointAdded(time: number, value: number): void {
    this.origin ??= time;
    if (time - this.origin > this.rebaseAfterMs) this.moveOrigin(time);
    const x = (time - this.origin) / HOUR;
    this.n++;
    this.sumX += x;
    this.sumY += value;
    this.sumXY += x * value;
    this.sumXX += x * x;
  }

  pointRemoved(time: number, value: number): void {
    if (this.origin === undefined) return;
    const x = (time - this.origin) / HOUR;
    this.n--;
    if (this.n === 0) {
      // Start clean: no rounding left over from the points gone.
      this.origin = undefined;
      this.sumX = this.sumY = this.sumXY = this.sumXX = 0;
      return;
    }
    this.sumX -= x;
    this.sumY -= value;
    this.sumXY -= x * value;
    this.sumXX -= x * x;
  }

  /** Value units per hour; undefined with fewer than two distinct times. */
  slopePerHour(): number | undefined {
    if (this.n < 2) return undefined;
    const spread = this.n * this.sumXX - this.sumX * this.sumX;
    if (!(spread > 1e-12 * this.n * this.n)) return undefined;
    return (this.n * this.sumXY - this.sumX * this.sumY) / spread;
  }

  /** Re-expresses the sums with x measured from `time` (x' = x − d). */
  private moveOrigin(time: number): void {
    const d = (time - this.origin!) / HOUR;
    this.sumXX += -2 * d * this.sumX + this.n * d * d;
    this.sumXY -= d * this.sumY;
    this.sumX -= this.n * d;
    this.origin = time;
  }
}
