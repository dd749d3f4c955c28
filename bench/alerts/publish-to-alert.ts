import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Station, WaterLevelRule } from '@hydro/domain';
import mqtt from 'mqtt';
import { freePort } from '../../test/support/free-port';
import { IngestorProcess } from '../../test/support/ingestor-process';
import type { PlannedCrossing } from './crossing-plan';
import { summariseLatencies, type LatencySummary } from './latency-stats';
import { type LoopStallRecord, type LoopStallSummary, stalledWithin, summariseStalls } from './loop-stalls';
import { reportPayload, scheduleReports } from './paced-reports';
import { type ReceivedAlert, TimedAlertStream } from './timed-alert-stream';

const ROOT = join(__dirname, '../..');
const TOKEN = 'bench-admin-token-0123456789abcdef';

export interface LoadSpec {
  readonly name: string;
  readonly messagesPerSecond: number;
  readonly rounds: number;
}

export interface LoadResult {
  readonly spec: LoadSpec;
  readonly published: number;
  readonly achievedPerSecond: number;
  /** Publish call → SSE event received, ms. */
  readonly endToEnd: LatencySummary;
  /** Publish (wall clock) → the centre's detection time (`at`, after the journal fsync), ms. */
  readonly toDetection: LatencySummary;
  /** Detection → SSE event received (wall clock), ms: event log append and the stream. */
  readonly detectionToStream: LatencySummary;
  readonly missing: number;
  readonly otherEvents: number;
  /** The centre's event-loop stalls from the first publish to the last alert (undefined if the probe wrote nothing). */
  readonly stalls: LoopStallSummary | undefined;
  /** The slowest crossings, slowest first: publish → SSE ms, and how much of that the centre's loop was stalled. */
  readonly slowest: ReadonlyArray<{ readonly ms: number; readonly stalledMs: number | undefined }>;
}

interface Sent {
  readonly crossing: PlannedCrossing;
  readonly at: number;
  readonly wallAt: number;
}

/**
 * One load through a fresh centre (embedded broker and store, committed rules, full registry): the
 * schedule published at a steady rate with QoS 1, each crossing's `raised` event timed from its
 * publish call to its arrival on the alert stream.
 */
export async function runLoad(stations: readonly Station[], rules: readonly WaterLevelRule[], crossings: readonly PlannedCrossing[], spec: LoadSpec): Promise<LoadResult> {
  const brokerPort = await freePort();
  const stallFile = join(tmpdir(), `hydro-bench-stalls-${process.pid}-${brokerPort}.json`);
  const centre = await IngestorProcess.start({
    app: 'centre',
    brokerPort,
    env: {
      STATIONS_FILE: join(ROOT, 'config/stations.json'),
      RULES_DIR: join(ROOT, 'config/rules'),
      HYDRO_ADMIN_TOKEN: TOKEN,
      MQTT_CLIENT_ID: `bench-centre-${brokerPort}`,
      LOG_LEVEL: 'warn',
      NODE_OPTIONS: `--require ts-node/register/transpile-only --require ${join(__dirname, 'loop-stall-probe.ts')}`,
      BENCH_STALL_FILE: stallFile,
      BENCH_CPU_PROFILE_FILE: profileFile(spec),
    },
  });
  const sent = new Map<string, Sent>();
  const received: ReceivedAlert[] = [];
  let stream: TimedAlertStream | undefined;
  const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${brokerPort}`, { clientId: `bench-alerts-${brokerPort}`, protocolVersion: 4, reconnectPeriod: 0 });
  try {
    for (let i = 0; i < 600 && !(await centre.ready()); i++) await delay(200);
    stream = await TimedAlertStream.open(centre.url, TOKEN, (alert) => received.push(alert));
    const schedule = scheduleReports(stations, rules, crossings, spec.rounds);
    const started = performance.now();
    const startedWall = Date.now();
    let next = 0;
    while (next < schedule.length) {
      const due = Math.min(schedule.length, Math.floor(((performance.now() - started) / 1000) * spec.messagesPerSecond) + 1);
      for (; next < due; next++) {
        const report = schedule[next]!;
        const wallAt = Date.now();
        const { topic, payload } = reportPayload(report, wallAt);
        if (report.crossing !== undefined) sent.set(report.crossing.ruleId, { crossing: report.crossing, at: performance.now(), wallAt });
        client.publish(topic, payload, { qos: 1 });
      }
      await delay(2);
    }
    const elapsed = (performance.now() - started) / 1000;
    const raised = (): number => received.filter((r) => r.event.type === 'raised' && sent.has(r.event.ruleId)).length;
    for (let i = 0; i < 100 && raised() < sent.size; i++) await delay(100);
    const window = { from: startedWall, to: Date.now() };
    stream.close();
    await client.endAsync();
    // A clean stop, so that the probe writes its files on the way out.
    await centre.stop();
    const { samples, ...result } = summarise(spec, schedule.length, schedule.length / elapsed, sent, received);
    const record = existsSync(stallFile) ? (JSON.parse(readFileSync(stallFile, 'utf8')) as LoopStallRecord) : undefined;
    const slowest = [...samples]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 3)
      .map(({ wallAt, ms }) => ({ ms, stalledMs: record === undefined ? undefined : stalledWithin(record, wallAt, wallAt + ms) }));
    return { ...result, stalls: record === undefined ? undefined : summariseStalls(record, window.from, window.to), slowest };
  } finally {
    stream?.close();
    if (client.connected) await client.endAsync();
    await centre.dispose();
    rmSync(stallFile, { force: true });
  }
}

/** Where the centre's CPU profile of this load goes, if BENCH_CENTRE_CPU_PROF_DIR asks for one (empty: none). */
function profileFile(spec: LoadSpec): string {
  const dir = process.env['BENCH_CENTRE_CPU_PROF_DIR'];
  if (dir === undefined || dir === '') return '';
  mkdirSync(dir, { recursive: true });
  return join(dir, `centre-${Math.round(spec.messagesPerSecond)}-per-s-${new Date().toISOString().replace(/[:.]/g, '-')}.cpuprofile`);
}

function summarise(spec: LoadSpec, published: number, achievedPerSecond: number, sent: ReadonlyMap<string, Sent>, received: readonly ReceivedAlert[]): Omit<LoadResult, 'stalls' | 'slowest'> & { samples: Array<{ wallAt: number; ms: number }> } {
  const endToEnd: number[] = [];
  const toDetection: number[] = [];
  const detectionToStream: number[] = [];
  const samples: Array<{ wallAt: number; ms: number }> = [];
  let otherEvents = 0;
  const matched = new Set<string>();
  for (const { event, receivedAt } of received) {
    const crossing = sent.get(event.ruleId);
    if (crossing === undefined || event.type !== 'raised' || event.severity !== crossing.crossing.severity || matched.has(event.ruleId)) {
      otherEvents += 1;
      continue;
    }
    matched.add(event.ruleId);
    endToEnd.push(receivedAt - crossing.at);
    samples.push({ wallAt: crossing.wallAt, ms: receivedAt - crossing.at });
    toDetection.push(event.at - crossing.wallAt);
    detectionToStream.push(crossing.wallAt + (receivedAt - crossing.at) - event.at);
  }
  return {
    spec,
    published,
    achievedPerSecond,
    endToEnd: summariseLatencies(endToEnd),
    toDetection: summariseLatencies(toDetection),
    detectionToStream: summariseLatencies(detectionToStream),
    missing: sent.size - matched.size,
    otherEvents,
    samples,
  };
}
