import { MINUTE_MS } from '../time/durations';

/** Sums for one row: kept as counts and ms, turned into a rate and minutes only at the end. */
export interface ArrivalTally {
  readonly expected: number;
  readonly received: number;
  /** Received reports above expected that the cap left out: a sign of off-schedule counting, normally 0. */
  readonly excess: number;
  readonly maintenanceMs: number;
}

export const EMPTY_TALLY: ArrivalTally = { expected: 0, received: 0, excess: 0, maintenanceMs: 0 };

/** Σ of each part: a group's rate is Σreceived ÷ Σexpected, never a mean of its members' rates. */
export function addTallies(a: ArrivalTally, b: ArrivalTally): ArrivalTally {
  return {
    expected: a.expected + b.expected,
    received: a.received + b.received,
    excess: a.excess + b.excess,
    maintenanceMs: a.maintenanceMs + b.maintenanceMs,
  };
}

/**
 * One station's tally for one bucket. Received is what arrived less what arrived during maintenance,
 * capped at expected: a store that counted something twice must not push a rate above 100 %.
 */
export function stationTally(expected: number, arrived: number, arrivedDuringMaintenance: number, maintenanceMs: number): ArrivalTally {
  const net = Math.max(0, arrived - arrivedDuringMaintenance);
  return { expected, received: Math.min(net, expected), excess: Math.max(0, net - expected), maintenanceMs };
}

/** Received ÷ expected; null when nothing was expected (e.g. the whole period under maintenance). */
export function arrivalRate(tally: ArrivalTally): number | null {
  return tally.expected === 0 ? null : tally.received / tally.expected;
}

/** Whole minutes: the report is read by people, and windows start at any millisecond. */
export function maintenanceMinutes(tally: ArrivalTally): number {
  return Math.round(tally.maintenanceMs / MINUTE_MS);
}
