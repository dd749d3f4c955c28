import type { NoDataOutcome } from '../../../alerts/alert-outcome';

/**
 * Says "no data" once per silence: when the newest observation is `staleAfterMs` old by the clock
 * (exactly that old counts). A newer observation ends the silence; a late, older one does not.
 */
export class SilenceWatch {
  private reportedSince: number | undefined;

  constructor(private readonly staleAfterMs: number) {}

  check(newestObservedAt: number | undefined, now: number): NoDataOutcome | undefined {
    if (newestObservedAt === undefined || now - newestObservedAt < this.staleAfterMs) return undefined;
    if (this.reportedSince === newestObservedAt) return undefined;
    this.reportedSince = newestObservedAt;
    return { type: 'no_data', since: newestObservedAt };
  }
}
