/**
 * The newest run of identical values of one element, in observation order: what a stuck
 * sensor leaves behind. Fed only with readings newer than all before (late readings are
 * ignored here: they cannot lengthen or break the run that is now being watched).
 */
export class FlatRun {
  private runValue = Number.NaN;
  private first = Number.NaN;
  private last = Number.NaN;
  private runCount = 0;

  get value(): number {
    return this.runValue;
  }

  /** Observation time of the first reading of the run. */
  get firstAt(): number {
    return this.first;
  }

  /** Observation time of the newest reading of the run. */
  get lastAt(): number {
    return this.last;
  }

  get count(): number {
    return this.runCount;
  }

  get durationMs(): number {
    return this.runCount === 0 ? 0 : this.last - this.first;
  }

  extend(observedAt: number, value: number): void {
    if (this.runCount > 0 && value === this.runValue) {
      this.last = observedAt;
      this.runCount++;
      return;
    }
    this.runValue = value;
    this.first = observedAt;
    this.last = observedAt;
    this.runCount = 1;
  }
}
