/** Median receipt-minus-observation time of a station's recent cellular messages. */
export interface ClockDrift {
  /** Positive: the station clock is behind, or reports are delayed; negative: the station clock is ahead. */
  readonly medianMs: number;
  /** Messages the median was taken over. */
  readonly samples: number;
}

/**
 * One sample per cellular message: receipt minus the newest observation it carries. An hourly
 * report carries twelve 5-minute values with one receipt time; its older values would read as
 * up to 55 minutes of drift, so arrivals with the same receipt time count once, by their
 * smallest delay. BeiDou is left out: it is delayed by design. The last `capacity` messages
 * are kept; the median shrugs off a few delayed ones (a backlog sent after an outage still
 * shows until fresh reports outnumber it).
 */
export class ClockDriftSamples {
  private readonly receivedAt: Float64Array;
  private readonly delays: Float64Array;
  private readonly scratch: Float64Array;
  private next = 0;
  private count = 0;
  /** The median of the current samples, until the next one arrives: sweeps read it often. */
  private median: number | undefined;

  constructor(readonly capacity: number) {
    this.receivedAt = new Float64Array(capacity);
    this.delays = new Float64Array(capacity);
    this.scratch = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  add(observedAt: number, receivedAt: number): void {
    const delay = receivedAt - observedAt;
    const last = (this.next + this.capacity - 1) % this.capacity;
    this.median = undefined;
    if (this.count > 0 && this.receivedAt[last] === receivedAt) {
      this.delays[last] = Math.min(this.delays[last]!, delay);
      return;
    }
    this.receivedAt[this.next] = receivedAt;
    this.delays[this.next] = delay;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
  }

  /** Undefined with fewer than minSamples messages. */
  drift(minSamples: number): ClockDrift | undefined {
    if (this.count === 0 || this.count < minSamples) return undefined;
    this.median ??= this.computeMedian();
    return { medianMs: this.median, samples: this.count };
  }

  private computeMedian(): number {
    const sorted = this.scratch.subarray(0, this.count);
    sorted.set(this.delays.subarray(0, this.count));
    sorted.sort(); // typed arrays sort numerically
    const middle = this.count >> 1;
    return this.count % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  }

  /**
   * Receipt time of the oldest kept message whose delay lies beyond the limit on the side of
   * `medianMs`: when the drift finding started, as far as the samples remember.
   */
  beyondSince(limitMs: number, medianMs: number): number | undefined {
    let since: number | undefined;
    for (let i = 0; i < this.count; i++) {
      const delay = this.delays[i]!;
      const beyond = medianMs > 0 ? delay > limitMs : delay < -limitMs;
      if (beyond && (since === undefined || this.receivedAt[i]! < since)) since = this.receivedAt[i]!;
    }
    return since;
  }
}
