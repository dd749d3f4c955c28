import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Station, WaterLevelRule } from '@hydro/domain';
import mqtt from 'mqtt';
import { freePort } from '../../test/support/free-port';
import { IngestorProcess } from '../../test/support/ingestor-process';
import type { PlannedCrossing } from './crossing-plan';
import { summariseLatencies, type LatencySummary } from './latency-stats';
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
  const centre = await IngestorProcess.start({
    app: 'centre',
    brokerPort,
    env: {
      STATIONS_FILE: join(ROOT, 'config/stations.json'),
      RULES_DIR: join(ROOT, 'config/rules'),
      HYDRO_ADMIN_TOKEN: TOKEN,
      MQTT_CLIENT_ID: `bench-centre-${brokerPort}`,
      LOG_LEVEL: 'warn',
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
    return summarise(spec, schedule.length, schedule.length / elapsed, sent, received);
  } finally {
    stream?.close();
    await client.endAsync();
    await centre.dispose();
  }
}

function summarise(spec: LoadSpec, published: number, achievedPerSecond: number, sent: ReadonlyMap<string, Sent>, received: readonly ReceivedAlert[]): LoadResult {
  const endToEnd: number[] = [];
  const toDetection: number[] = [];
  const detectionToStream: number[] = [];
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
  };
}
