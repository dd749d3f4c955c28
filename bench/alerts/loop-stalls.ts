/** A timer due every TICK_MS in the centre; a turn that holds it STALL_MS or more late is a stall. */
export const TICK_MS = 5;
export const STALL_MS = 20;

/** What the probe in the centre writes when it stops. */
export interface LoopStallRecord {
  /** [wall-clock ms when the late timer ran, ms late, CPU ms the process used since the timer's previous run], in order. */
  readonly stalls: ReadonlyArray<readonly [number, number, number]>;
}

/** Stalls during one load, counted by length. */
export interface LoopStallSummary {
  readonly count: number;
  /** 20–50 ms, 50–100 ms, 100 ms or more. */
  readonly byLength: readonly [number, number, number];
  /** The five longest, longest first. */
  readonly longest: readonly number[];
  /** All stalls together, ms. */
  readonly totalMs: number;
  /** The CPU time the process used during them (all its threads), ms: the rest it spent off the CPU. */
  readonly cpuMs: number;
}

/** The stalls that ended between `from` and `to` (wall clock, ms). */
export function summariseStalls(record: LoopStallRecord, from: number, to: number): LoopStallSummary {
  const within = record.stalls.filter(([at]) => at >= from && at <= to);
  const lengths = within.map(([, late]) => late);
  const byLength: [number, number, number] = [0, 0, 0];
  for (const late of lengths) byLength[late < 50 ? 0 : late < 100 ? 1 : 2] += 1;
  return {
    count: lengths.length,
    byLength,
    longest: [...lengths].sort((a, b) => b - a).slice(0, 5),
    totalMs: Math.round(lengths.reduce((sum, late) => sum + late, 0)),
    cpuMs: Math.round(within.reduce((sum, [, , cpu]) => sum + cpu, 0)),
  };
}

/** How many ms of the stalls fall between `from` and `to` (wall clock): a stall ends when the late timer runs. */
export function stalledWithin(record: LoopStallRecord, from: number, to: number): number {
  let stalled = 0;
  for (const [end, late] of record.stalls) stalled += Math.max(0, Math.min(end, to) - Math.max(end - late, from));
  return Math.round(stalled * 10) / 10;
}
