import * as http from 'node:http';
import { readingLine } from '../../libs/ingestion/src/store/influx/telemetry-lines';
import type { InfluxServer } from '../../test/support/influxdb-server';
import { CpuMeter } from './proc-stats';
import { percentile } from './stats';
import { type WorkloadSpec, workloadReadings } from './workload';

export interface CeilingBResult {
  readonly pointsPerSecond: number;
  readonly points: number;
  readonly requestP50Ms: number;
  readonly requestP99Ms: number;
  readonly cpu: Record<string, number>;
}

/**
 * The workload's readings as line-protocol bodies of `batchSize` points, encoded by the store's
 * own encoder (measurement `reading`, tags station and element, fields value, quality and qc,
 * nanosecond timestamps). Built before timing: ceiling B is InfluxDB's rate, not the encoder's.
 */
export function readingBodies(workload: WorkloadSpec, batchSize: number): { bodies: string[]; points: number } {
  const lines = workloadReadings(workload).map((reading) => readingLine(reading));
  const bodies: string[] = [];
  for (let at = 0; at < lines.length; at += batchSize) bodies.push(lines.slice(at, at + batchSize).join('\n'));
  return { bodies, points: lines.length };
}

/**
 * Ceiling B: POSTs the bodies to /write one after another over one keep-alive connection (one
 * write in flight, as the ingestor's drain does) into a fresh database, and counts points per second.
 */
export async function runCeilingB(influx: InfluxServer, influxPid: number, prepared: { bodies: string[]; points: number }, tag: string): Promise<CeilingBResult> {
  const database = `bench_b_${tag}`;
  await influx.createDatabase(database);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const meter = new CpuMeter(() => ({ influxd: [influxPid], 'bench (client)': [process.pid] }));
  const latencies: number[] = [];
  try {
    meter.start();
    const started = performance.now();
    for (const body of prepared.bodies) {
      const t0 = performance.now();
      await post(agent, `${influx.url}/write?db=${database}&precision=ns`, body);
      latencies.push(performance.now() - t0);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      pointsPerSecond: prepared.points / seconds,
      points: prepared.points,
      requestP50Ms: percentile(latencies, 0.5),
      requestP99Ms: percentile(latencies, 0.99),
      cpu: meter.read(),
    };
  } finally {
    agent.destroy();
    await influx.query(`DROP DATABASE "${database}"`);
  }
}

function post(agent: http.Agent, url: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode === 204) resolve();
        else reject(new Error(`InfluxDB /write answered ${response.statusCode}: ${Buffer.concat(chunks).toString('utf8')}`));
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
