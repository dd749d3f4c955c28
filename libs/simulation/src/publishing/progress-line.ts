import { formatBeijing } from '../time/sim-time';
import type { SimulatorResult } from './run-simulator';
import type { PublisherCounts } from './windowed-publisher';

export interface Progress {
  readonly simulatedAt: number;
  /** How far generation lags behind the requested speed, simulated ms. */
  readonly behindMs: number;
  readonly counts: PublisherCounts;
  readonly ratePerSecond: number;
}

export function progressLine(p: Progress): string {
  const behind = p.behindMs >= 60_000 ? ` (behind by ${Math.round(p.behindMs / 60_000)} simulated min)` : '';
  const c = p.counts;
  return `simulator: at ${formatBeijing(p.simulatedAt)}${behind} | acknowledged ${c.acknowledged} | in flight ${c.inFlight} | queued ${c.queued} | failed ${c.failed} | ${Math.round(p.ratePerSecond)} msg/s`;
}

/** The last line of a run; a kill test reads the acknowledged count from it. */
export function summaryLine(r: SimulatorResult): string {
  return `simulator: ${r.reason} at ${formatBeijing(r.simulatedUntil)}: ${r.acknowledged} messages acknowledged by the broker (published ${r.published}, failed ${r.failed}, unconfirmed ${r.unconfirmed}, not sent ${r.dropped})`;
}
