/**
 * Alert benchmark. (1) Evaluation cost per reading in-process: the committed flood rules (RuleEngine)
 * and an AlertBook fed the typhoon scenario's readings as the centre's listener feeds them, against
 * interpreting the same messages only, in the same run. (2) Latency from an MQTT publish to the alert's
 * Server-Sent Event through the real centre, with all 1,418 stations reporting at the flood-season
 * load (one report per station per 5 minutes) time-compressed by SPEED, and at 10× that; some reports
 * lift a river just above its 警戒水位, each raising one known alert. Medians and percentiles; not a
 * test, no thresholds. Results: docs/benchmarks.md.
 * The centre's event-loop stalls are recorded by a probe preloaded into it (alerts/loop-stall-probe.ts).
 * Run: npm run bench:alerts   (BENCH_RUNS=5, BENCH_HOURS=12 (0 skips part 1), BENCH_SPEED=10, BENCH_SECONDS=60;
 * BENCH_CENTRE_CPU_PROF_DIR=<dir> writes a CPU profile of the centre per load there)
 */
import * as os from 'node:os';
import { loadStationRegistry } from '@hydro/ingestion';
import { loadRuleSet } from '../libs/ingestion/src/rules';
import { describeMachine } from './ingest/machine';
import { planCrossings } from './alerts/crossing-plan';
import { measureEvaluationCost } from './alerts/evaluation-cost';
import { STALL_MS, TICK_MS } from './alerts/loop-stalls';
import { type LoadResult, type LoadSpec, runLoad } from './alerts/publish-to-alert';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const HOURS = Number(process.env['BENCH_HOURS'] ?? 12);
/** Flood-season time compressed this many times: 5 simulated minutes (one report per station) in 300/SPEED s. */
const SPEED = Number(process.env['BENCH_SPEED'] ?? 10);
/** Seconds each load runs (whole rounds, at least two). */
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 60);
const SCENARIO_START = Date.parse('2026-07-20T00:00:00+08:00');

const fmt = (v: number): string => (Number.isNaN(v) ? '–' : v >= 100 ? v.toFixed(0) : v.toFixed(1));

async function main(): Promise<void> {
  console.log(`Alert benchmark, ${describeMachine()}\n`);
  const registry = loadStationRegistry('config/stations.json');
  const ruleSet = loadRuleSet('config/rules', registry);
  console.log(`Rules: ${ruleSet.waterLevel.length} water-level, ${ruleSet.rateOfRise.length} rate-of-rise, ${ruleSet.venues.length} venue, ${ruleSet.mountainTorrent.length} warning areas; ${registry.size} stations.\n`);

  if (HOURS > 0) {
    const cost = measureEvaluationCost({ registry, ruleSet, start: SCENARIO_START, fromHour: 12, hours: HOURS, runs: RUNS });
    console.log(`## Evaluation cost per reading (typhoon scenario, hours 12–${12 + HOURS}, median of ${RUNS} runs)\n`);
    console.log(`${cost.messages} messages, ${cost.readings} readings; ${cost.verdicts} verdicts, ${cost.alertEvents} alert transitions, ${cost.openAtEnd} alerts open at the end.\n`);
    console.log('| what | µs per reading | ratio to baseline |\n|---|---:|---:|');
    console.log(`| baseline: interpretTelemetry only | ${cost.interpretOnlyUs.toFixed(2)} | 1 |`);
    console.log(`| interpretTelemetry + RuleEngine.accept + AlertBook.observe | ${cost.interpretAndRulesUs.toFixed(2)} | ${(cost.interpretAndRulesUs / cost.interpretOnlyUs).toFixed(2)} |`);
    console.log(`| RuleEngine.accept + AlertBook.observe alone (readings interpreted before timing) | ${cost.rulesOnlyUs.toFixed(2)} | ${(cost.rulesOnlyUs / cost.interpretOnlyUs).toFixed(2)} |\n`);
  }

  const stations = registry.all();
  const crossings = planCrossings(ruleSet.waterLevel, new Map(stations.map((s) => [s.id, s])));
  const nominal = (stations.length / 300) * SPEED;
  const loads: LoadSpec[] = [
    { name: `nominal × ${SPEED} compression`, messagesPerSecond: nominal, rounds: Math.max(2, Math.round((SECONDS * nominal) / stations.length)) },
    { name: `10 × that`, messagesPerSecond: nominal * 10, rounds: Math.max(2, Math.round((SECONDS * nominal * 10) / stations.length)) },
  ];
  const results: LoadResult[] = [];
  for (const spec of loads) {
    console.error(`${new Date().toISOString().slice(11, 19)} ${spec.name}: ${spec.messagesPerSecond.toFixed(1)} msg/s, ${spec.rounds} rounds; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    results.push(await runLoad(stations, ruleSet.waterLevel, crossings, spec));
  }
  console.log(`## Publish → alert on the stream (${crossings.length} crossings per load, each a gauge lifted just above 警戒水位 or its second level)\n`);
  console.log('| load | msg/s (achieved) | rounds | raised p50 / p99 / max ms | publish → detected p50 / p99 ms | detected → SSE p50 / p99 ms | missing | other flood events |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.spec.name} | ${r.spec.messagesPerSecond.toFixed(1)} (${r.achievedPerSecond.toFixed(1)}) | ${r.spec.rounds} | ${fmt(r.endToEnd.p50)} / ${fmt(r.endToEnd.p99)} / ${fmt(r.endToEnd.max)} | ${fmt(r.toDetection.p50)} / ${fmt(r.toDetection.p99)} | ${fmt(r.detectionToStream.p50)} / ${fmt(r.detectionToStream.p99)} | ${r.missing} | ${r.otherEvents} |`,
    );
  }
  console.log(`\n## The centre's event loop during each load (a timer due every ${TICK_MS} ms; a stall holds it ${STALL_MS} ms or more)\n`);
  console.log('| load | stalls | 20–50 / 50–100 / ≥ 100 ms | longest ms | all stalls ms (on CPU) | slowest crossings ms (of which stalled) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const { spec, stalls, slowest } of results) {
    const slow = slowest.map((s) => `${fmt(s.ms)} (${s.stalledMs === undefined ? '–' : fmt(s.stalledMs)})`).join(', ');
    if (stalls === undefined) console.log(`| ${spec.name} | – | – | – | – | ${slow} |`);
    else console.log(`| ${spec.name} | ${stalls.count} | ${stalls.byLength.join(' / ')} | ${stalls.longest.map(fmt).join(', ') || '–'} | ${stalls.totalMs} (${stalls.cpuMs}) | ${slow} |`);
  }
  console.log(`\nLoad average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

// The centre's child process is unref'd by the test support; keep this process alive while it runs.
const keepAlive = setInterval(() => undefined, 60_000);
main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => clearInterval(keepAlive));
