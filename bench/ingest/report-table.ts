import type { CeilingAResult } from './ceiling-a';
import type { CeilingBResult } from './ceiling-b';
import type { CeilingCResult } from './ceiling-c';
import type { EndToEndResult } from './end-to-end';
import type { ThreadTimeShares } from './proc-stats';
import { formatFixed, formatInt, median } from './stats';
import type { WorkloadTotals } from './workload';

/** Everything measured in one round; rounds repeat the same measurements one after another. */
export interface Round {
  readonly ceilingA: Record<string, CeilingAResult>;
  readonly ceilingB: CeilingBResult;
  readonly ceilingC: CeilingCResult;
  readonly endToEnd: Record<string, EndToEndResult>;
  readonly paced: Record<string, EndToEndResult & { readonly ratePerSecond: number }>;
}

const ms = (p50: number, p99: number): string => `${formatInt(p50)} / ${formatInt(p99)}`;

/** CPU of processes not ours (other people's tests, the system) during a measurement, % of one core. */
function others(cpu: Record<string, number>): string {
  const ours = Object.entries(cpu).filter(([name]) => name !== 'machine').reduce((sum, [, v]) => sum + (Number.isFinite(v) ? v : 0), 0);
  return `others ${formatInt(Math.max(0, (cpu['machine'] ?? Number.NaN) - ours))} % CPU`;
}

/** Median over rounds of one number picked from each round (rounds lacking it are skipped). */
function med(rounds: readonly Round[], pick: (round: Round) => number | undefined): number {
  return median(rounds.map(pick).filter((v): v is number => v !== undefined));
}

/**
 * Ceiling A as the best publisher setup of the round; ceilings B (InfluxDB) and C (SQLite) in
 * messages/s, at the points per message the ingestor writes for that workload (its readings plus
 * one arrival).
 */
export function ceilings(round: Round, totals: WorkloadTotals): { a: number; b: number; c: number } {
  const a = Math.max(...Object.values(round.ceilingA).map((r) => r.deliveredPerSecond));
  return { a, b: round.ceilingB.pointsPerSecond / totals.pointsPerMessage, c: round.ceilingC.pointsPerSecond / totals.pointsPerMessage };
}

/** End-to-end messages/s over the lower of ceiling A and the ceiling of its own store (B or C), of the same round. */
export function ratio(round: Round, e: EndToEndResult): number {
  const c = ceilings(round, e.totals);
  return e.messagesPerSecond / Math.min(c.a, e.store === 'SQLite' ? c.c : c.b);
}

function percent(share: number): string {
  return `${formatInt(share * 100)} %`;
}

/** A thread's wall time split by its schedule. */
function threadTime(t: ThreadTimeShares, offCpu: string): string {
  return `on CPU ${percent(t.onCpu)}, waiting for a core ${percent(t.waitingForCpu)}, ${offCpu} ${percent(t.offCpu)}`;
}

/** The ingestor's time inside the store's write(), in all and per batch. */
function storeWrites(e: EndToEndResult): string {
  return `store write() ${formatInt(e.storeWrites)} batches, ${formatFixed(e.storeWriteSeconds, 1)} s in all (mean ${formatInt((e.storeWriteSeconds * 1000) / e.storeWrites)} ms)`;
}

export function summaryTable(rounds: readonly Round[], totals: WorkloadTotals): string {
  const lines = [
    '| measurement | messages/s | readings/s | points/s | PUBACK p50 / p99 ms | landed p50 / p99 ms | ingestor peak RSS MiB | ÷ min(A, B or C) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const first = rounds[0];
  if (!first) return lines.join('\n');
  for (const name of Object.keys(first.ceilingA)) {
    const v = (f: (a: CeilingAResult) => number): number => med(rounds, (r) => (r.ceilingA[name] ? f(r.ceilingA[name]) : undefined));
    lines.push(
      `| A: broker → counting subscriber, ${name} | ${formatInt(v((a) => a.deliveredPerSecond))} | ${formatInt(v((a) => a.deliveredPerSecond) * totals.readingsPerMessage)} | | ${ms(v((a) => a.pubackP50Ms), v((a) => a.pubackP99Ms))} | | | |`,
    );
  }
  const bPoints = med(rounds, (r) => r.ceilingB.pointsPerSecond);
  lines.push(
    `| B: InfluxDB /write, 5,000-point batches, 1 keep-alive connection (messages/s = points/s ÷ ${formatFixed(totals.pointsPerMessage, 2)}) | ${formatInt(bPoints / totals.pointsPerMessage)} | ${formatInt(bPoints)} | ${formatInt(bPoints)} | | | | |`,
  );
  const cPoints = med(rounds, (r) => r.ceilingC.pointsPerSecond);
  lines.push(
    `| C: SQLite store write(), 5,000-reading batches, in the bench's process (messages/s = points/s ÷ ${formatFixed(totals.pointsPerMessage, 2)}) | ${formatInt(cPoints / totals.pointsPerMessage)} | ${formatInt(cPoints)} | ${formatInt(cPoints)} | | | | |`,
  );
  for (const name of Object.keys(first.endToEnd)) {
    const v = (f: (e: EndToEndResult) => number): number => med(rounds, (r) => (r.endToEnd[name] ? f(r.endToEnd[name]) : undefined));
    const perSecond = v((e) => e.messagesPerSecond);
    const ratios = med(rounds, (r) => (r.endToEnd[name] ? ratio(r, r.endToEnd[name]) : undefined));
    lines.push(
      `| end to end, ${name} | ${formatInt(perSecond)} | ${formatInt(v((e) => e.readingsPerSecond))} | ${formatInt(v((e) => e.messagesPerSecond * e.totals.pointsPerMessage))} | ${ms(v((e) => e.pubackP50Ms), v((e) => e.pubackP99Ms))} | ${ms(v((e) => e.landedP50Ms), v((e) => e.landedP99Ms))} | ${formatInt(v((e) => e.peakRssMiB))} | ${formatFixed(ratios, 2)} |`,
    );
  }
  for (const name of Object.keys(first.paced)) {
    const v = (f: (e: Round['paced'][string]) => number): number => med(rounds, (r) => (r.paced[name] ? f(r.paced[name]) : undefined));
    lines.push(
      `| paced at ${formatInt(v((e) => e.ratePerSecond))} msg/s (half the saturated rate), ${name} | ${formatInt(v((e) => e.messagesPerSecond))} | ${formatInt(v((e) => e.readingsPerSecond))} | | ${ms(v((e) => e.pubackP50Ms), v((e) => e.pubackP99Ms))} | ${ms(v((e) => e.landedP50Ms), v((e) => e.landedP99Ms))} | ${formatInt(v((e) => e.peakRssMiB))} | |`,
    );
  }
  return lines.join('\n');
}

/** Every run, so the spread behind each median is visible. */
export function runsTable(rounds: readonly Round[], totals: WorkloadTotals): string {
  const lines = ['| round | measurement | messages/s | readings/s (10–90 % steady) | publish s | total s | PUBACK p50 / p99 | landed p50 / p99 | samples seen | RSS MiB | e2e ÷ min(A, B or C) | notes |', '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'];
  rounds.forEach((round, i) => {
    const c = ceilings(round, totals);
    for (const [name, a] of Object.entries(round.ceilingA)) {
      lines.push(`| ${i + 1} | A ${name} | ${formatInt(a.deliveredPerSecond)} | | | | ${ms(a.pubackP50Ms, a.pubackP99Ms)} | | | | | broker accepted ${formatInt(a.acceptedPerSecond)} msg/s; ${others(a.cpu)} |`);
    }
    const b = round.ceilingB;
    lines.push(`| ${i + 1} | B | ${formatInt(c.b)} | ${formatInt(b.pointsPerSecond)} points/s | | | | | | | | request p50 / p99 ${ms(b.requestP50Ms, b.requestP99Ms)} ms; ${others(b.cpu)} |`);
    const sq = round.ceilingC;
    lines.push(
      `| ${i + 1} | C | ${formatInt(c.c)} | ${formatInt(sq.pointsPerSecond)} points/s | | | | | | | | batch p50 / p99 ${ms(sq.batchP50Ms, sq.batchP99Ms)} ms; ${formatInt(sq.bytesPerReading)} bytes per reading in the file, ${formatInt(sq.writtenBytesPerReading)} written; writing thread ${threadTime(sq.thread, 'blocked (fsync)')}; ${others(sq.cpu)} |`,
    );
    for (const [name, e] of [...Object.entries(round.endToEnd), ...Object.entries(round.paced).map(([n, p]): [string, EndToEndResult] => [`${n}, paced ${formatInt(p.ratePerSecond)}/s`, p])]) {
      lines.push(
        `| ${i + 1} | e2e ${name} | ${formatInt(e.messagesPerSecond)} | ${formatInt(e.readingsPerSecond)} (${formatInt(e.steadyReadingsPerSecond)}) | ${formatFixed(e.publishSeconds, 1)} | ${formatFixed(e.totalSeconds, 1)} | ${ms(e.pubackP50Ms, e.pubackP99Ms)} | ${ms(e.landedP50Ms, e.landedP99Ms)} | ${e.samplesSeen}/${e.samplesSeen + e.samplesMissing} | ${formatInt(e.peakRssMiB)} | ${formatFixed(ratio(round, e), 2)} | ${others(e.cpuWhole)}; all taken from the broker at ${formatFixed(e.intakeSeconds, 1)} s, all acknowledged at ${formatFixed(e.acknowledgedSeconds, 1)} s; /metrics unanswered for up to ${formatFixed(e.longestMetricsGapMs / 1000, 1)} s; count poll ${formatInt(e.countPollP50Ms)} ms, sample poll ${formatInt(e.samplePollP50Ms)} ms; ${storeWrites(e)}; ingestor's main thread ${threadTime(e.ingestorThread, 'idle or blocked')}; ingestor wrote ${formatInt(e.ingestorWrittenBytesPerReading)} bytes per reading${e.problems.length > 0 ? `; ${e.problems.join('; ')}` : ''} |`,
      );
    }
  });
  return lines.join('\n');
}

/** Median CPU per process and phase, in % of one core (the machine has 200 %). */
export function cpuTable(rounds: readonly Round[]): string {
  const rows: Array<[string, Record<string, number>[]]> = [];
  const first = rounds[0];
  if (!first) return '';
  for (const name of Object.keys(first.ceilingA)) rows.push([`A ${name}`, rounds.flatMap((r) => (r.ceilingA[name] ? [r.ceilingA[name].cpu] : []))]);
  rows.push(['B', rounds.map((r) => r.ceilingB.cpu)]);
  rows.push(['C', rounds.map((r) => r.ceilingC.cpu)]);
  for (const name of Object.keys(first.endToEnd)) {
    rows.push([`e2e ${name}: while publishing`, rounds.flatMap((r) => (r.endToEnd[name] ? [r.endToEnd[name].cpuPublishing] : []))]);
    rows.push([`e2e ${name}: after publishing, until landed`, rounds.flatMap((r) => (r.endToEnd[name] ? [r.endToEnd[name].cpuDraining] : []))]);
    rows.push([`e2e ${name}: whole run`, rounds.flatMap((r) => (r.endToEnd[name] ? [r.endToEnd[name].cpuWhole] : []))]);
  }
  const names = [...new Set(rows.flatMap(([, samples]) => samples.flatMap((s) => Object.keys(s))))];
  const lines = [`| phase | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`];
  for (const [label, samples] of rows) {
    lines.push(`| ${label} | ${names.map((n) => (samples.some((s) => n in s) ? formatInt(median(samples.map((s) => s[n] ?? Number.NaN))) : '')).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** One run second by second: where the messages were (published, taken by the ingestor, acknowledged, in the store). */
export function traceTable(result: EndToEndResult, totals: WorkloadTotals): string {
  const lines = [
    `| s | published (msgs) | taken by the ingestor (msgs) | acknowledged (journaled) readings | readings in ${result.store} | landed in this second |`,
    '|---:|---:|---:|---:|---:|---:|',
  ];
  let before = 0;
  for (const p of result.trace) {
    lines.push(`| ${p.second} | ${formatInt(p.published)} | ${formatInt(p.received)} | ${formatInt(p.acknowledgedReadings)} | ${formatInt(p.landedReadings)} | ${formatInt(p.landedReadings - before)} |`);
    before = p.landedReadings;
  }
  lines.push(`\nTotals: ${formatInt(totals.messages)} messages, ${formatInt(totals.readings)} readings.`);
  return lines.join('\n');
}
