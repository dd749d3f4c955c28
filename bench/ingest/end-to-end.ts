import { IngestorProcess } from '../../test/support/ingestor-process';
import { waitFor } from '../../test/support/wait-for';
import { type IngestorSnapshot, IngestorTimeline, reachedAfter } from './ingestor-timeline';
import { type CountTimeline, pollReadingCount, steadyRate } from './landed-count';
import { LandedSamples } from './landed-samples';
import type { LandedStore, StoreKind, StoreTarget } from './landed-store';
import { removeSessions } from './mqtt-sessions';
import { bytesWritten, CpuMeter, findChild, MainThreadTime, peakRssMiB, type ThreadTimeShares } from './proc-stats';
import { PublisherGroup, type PublisherSetup } from './publisher-group';
import { epochMs, percentile } from './stats';
import { type WorkloadSpec, type WorkloadTotals, samplePoints, workloadTotals } from './workload';

export interface IngestorConfig {
  readonly name: string;
  /** Environment beyond the defaults (the shared-subscription settings, say). */
  readonly env: Readonly<Record<string, string>>;
  /** The connections the ingestor opens, for cleaning up their sessions afterwards. */
  readonly connections: number;
}

export interface EndToEndOptions {
  readonly publishers: PublisherSetup;
  /** Every how many messages one reading is followed into the store. */
  readonly sampleEvery: number;
  /** Publish at this rate (messages/s) instead of as fast as possible. */
  readonly ratePerSecond?: number;
  readonly deadlineMs: number;
  /** Called just before publishing starts, and while the ingestor still runs after everything has landed (to take a CPU profile, say). */
  readonly beforeStart?: (ingestorPid: number) => Promise<void>;
  readonly beforeStop?: (ingestorPid: number) => Promise<void>;
}

export interface EndToEndResult {
  readonly store: StoreKind;
  readonly messagesPerSecond: number;
  readonly readingsPerSecond: number;
  /** Readings/s between 10 % and 90 % of the total landed. */
  readonly steadyReadingsPerSecond: number;
  readonly publishSeconds: number;
  readonly totalSeconds: number;
  readonly pubackP50Ms: number;
  readonly pubackP99Ms: number;
  readonly landedP50Ms: number;
  readonly landedP99Ms: number;
  readonly samplesSeen: number;
  readonly samplesMissing: number;
  readonly peakRssMiB: number;
  readonly countPollP50Ms: number;
  readonly samplePollP50Ms: number;
  readonly cpuPublishing: Record<string, number>;
  readonly cpuDraining: Record<string, number>;
  readonly cpuWhole: Record<string, number>;
  /** The ingestor's JavaScript thread over the whole run: running, waiting for a core, neither (idle, or blocked in a synchronous fsync). */
  readonly ingestorThread: ThreadTimeShares;
  /** Bytes the ingestor handed to write calls over the run, per reading: the journal, PUBACKs, and either line protocol to InfluxDB or SQLite's WAL. */
  readonly ingestorWrittenBytesPerReading: number;
  /** Seconds from the first publish until the ingestor had taken every message from the broker, and had acknowledged (journaled) every reading. */
  readonly intakeSeconds: number;
  readonly acknowledgedSeconds: number;
  /** The ingestor's batch writes to the store, and the seconds it spent in them (for SQLite: its event loop blocked, fsync included). */
  readonly storeWrites: number;
  readonly storeWriteSeconds: number;
  /** Once a second from the first publish: messages published, taken by the ingestor, readings acknowledged, readings landed. */
  readonly trace: TracePoint[];
  /** Longest wait for the ingestor's /metrics during the run: how long its event loop went without answering HTTP. */
  readonly longestMetricsGapMs: number;
  readonly totals: WorkloadTotals;
  readonly problems: string[];
}

export interface TracePoint {
  readonly second: number;
  readonly published: number;
  readonly received: number;
  readonly acknowledgedReadings: number;
  readonly landedReadings: number;
}

/**
 * One end-to-end run: a fresh ingestor (own temp DATA_DIR, own client id, JSON logs at warn)
 * on a fresh store (an InfluxDB database, or the SQLite file in that DATA_DIR); the workload
 * published over QoS 1; timed from the first publish until the store itself counts every reading.
 */
export async function runEndToEnd(
  services: { brokerUrl: string; brokerPid: number; store: StoreTarget },
  workload: WorkloadSpec,
  config: IngestorConfig,
  options: EndToEndOptions,
  tag: string,
): Promise<EndToEndResult> {
  const totals = workloadTotals(workload);
  const choice = services.store.choose(tag);
  const clientId = `be2e-${tag}`.slice(0, 20);
  const problems: string[] = [];
  const ingestor = await IngestorProcess.start({
    mqttUrl: services.brokerUrl,
    ...(choice.influxUrl === undefined ? {} : { influxUrl: choice.influxUrl }),
    ...(choice.database === undefined ? {} : { database: choice.database }),
    // IngestorProcess shortens reconnect and retry delays for the fault tests; the defaults are put back.
    env: {
      MQTT_CLIENT_ID: clientId,
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'warn',
      MQTT_RECONNECT_MIN_MS: '1000',
      MQTT_RECONNECT_MAX_MS: '30000',
      INFLUX_RETRY_MIN_MS: '500',
      INFLUX_RETRY_MAX_MS: '30000',
      ...choice.env,
      ...config.env,
    },
  });
  // Opened at once so that dispose() cleans up even if the ingestor never gets ready; opening does no I/O.
  const store: LandedStore = services.store.open(tag, ingestor.dataDir);
  let publishers: PublisherGroup | undefined;
  try {
    await waitFor(() => ingestor.ready(), Boolean, 'the ingestor to be ready', 60_000);
    const ingestorPid = findChild(`DATA_DIR=${ingestor.dataDir}`, true);
    if (ingestorPid === undefined) throw new Error(`could not find the ingestor's pid (DATA_DIR=${ingestor.dataDir})`);
    const samples = new Map(samplePoints(workload, options.sampleEvery).map((s) => [s.index, s]));
    publishers = await PublisherGroup.prepare(services.brokerUrl, `be2e-pub-${tag}`, workload, options.publishers, options.sampleEvery, options.ratePerSecond);
    const group = publishers;
    const processes = (): Record<string, readonly number[]> => ({
      mosquitto: [services.brokerPid],
      ...store.processes,
      ingestor: [ingestorPid],
      publishers: group.pids,
      'bench (polling)': [process.pid],
    });
    const whole = new CpuMeter(processes);
    const publishing = new CpuMeter(processes);
    const draining = new CpuMeter(processes);
    const ingestorThread = new MainThreadTime(ingestorPid);
    const landed = new LandedSamples(store, samples);
    const ingestorCounters = new IngestorTimeline(`${ingestor.url}/metrics`);

    if (options.beforeStart) await options.beforeStart(ingestorPid);
    const startedAt = epochMs();
    const deadline = startedAt + options.deadlineMs;
    whole.start();
    ingestorThread.start();
    const writtenBefore = bytesWritten(ingestorPid);
    publishing.start();
    const counted = pollReadingCount(store, totals.readings, deadline);
    landed.start();
    ingestorCounters.start();
    const published = await publishers.run((index, at) => landed.notePublished(index, at));
    const cpuPublishing = publishing.read();
    draining.start();
    const timeline = await counted;
    const cpuDraining = draining.read();
    const cpuWhole = whole.read();
    const threadShares = ingestorThread.read();
    const written = bytesWritten(ingestorPid) - writtenBefore;
    const snapshots = await ingestorCounters.stop();
    await landed.finish(deadline);
    const peakRss = peakRssMiB(ingestorPid);
    if (options.beforeStop) await options.beforeStop(ingestorPid);

    if (!Number.isFinite(timeline.completeAt)) problems.push(`only ${timeline.finalCount} of ${totals.readings} readings landed before the deadline`);
    if (published.failed > 0 || published.disconnects > 0) problems.push(`${published.failed} publishes failed, ${published.disconnects} publisher disconnects`);
    const arrivals = await store.countArrivals();
    const deadLetters = await store.countDeadLetters();
    if (arrivals !== totals.messages) problems.push(`${arrivals} arrivals for ${totals.messages} messages`);
    if (deadLetters !== 0) problems.push(`${deadLetters} dead letters`);
    const sampleResult = landed.result();
    const seconds = (timeline.completeAt - published.firstPublishAt) / 1000;
    const last = snapshots[snapshots.length - 1];
    return {
      store: store.kind,
      messagesPerSecond: totals.messages / seconds,
      readingsPerSecond: totals.readings / seconds,
      steadyReadingsPerSecond: steadyRate(timeline, totals.readings),
      publishSeconds: (published.lastAckAt - published.firstPublishAt) / 1000,
      totalSeconds: seconds,
      pubackP50Ms: percentile(published.ackLatencyMs, 0.5),
      pubackP99Ms: percentile(published.ackLatencyMs, 0.99),
      landedP50Ms: percentile(sampleResult.latenciesMs, 0.5),
      landedP99Ms: percentile(sampleResult.latenciesMs, 0.99),
      samplesSeen: sampleResult.latenciesMs.length,
      samplesMissing: sampleResult.missing,
      peakRssMiB: peakRss,
      countPollP50Ms: percentile(timeline.roundTripsMs, 0.5),
      samplePollP50Ms: percentile(sampleResult.roundTripsMs, 0.5),
      cpuPublishing,
      cpuDraining,
      cpuWhole,
      ingestorThread: threadShares,
      ingestorWrittenBytesPerReading: written / totals.readings,
      intakeSeconds: reachedAfter(snapshots, (s) => s.received, totals.messages, published.firstPublishAt),
      acknowledgedSeconds: reachedAfter(snapshots, (s) => s.accepted, totals.readings, published.firstPublishAt),
      trace: trace(published.firstPublishAt, landed.published, options.sampleEvery, totals.messages, snapshots, timeline),
      storeWrites: last?.storeWrites ?? Number.NaN,
      storeWriteSeconds: last?.storeWriteSeconds ?? Number.NaN,
      longestMetricsGapMs: Math.max(0, ...snapshots.slice(1).map((s, i) => s.at - (snapshots[i] as IngestorSnapshot).at)),
      totals,
      problems,
    };
  } finally {
    await publishers?.close();
    await ingestor.dispose();
    const ids = config.connections === 1 ? [clientId] : Array.from({ length: config.connections }, (_, i) => `${clientId}-${i}`);
    await removeSessions(services.brokerUrl, ids);
    await store.dispose();
  }
}

/** The run second by second, from the publishers' samples, the ingestor's counters and the store's count. */
function trace(from: number, sampled: ReadonlyMap<number, number>, sampleEvery: number, messages: number, snapshots: readonly IngestorSnapshot[], landed: CountTimeline): TracePoint[] {
  const end = Math.max(landed.completeAt, snapshots[snapshots.length - 1]?.at ?? from);
  const points: TracePoint[] = [];
  const lastBefore = <T>(items: readonly T[], at: (item: T) => number, t: number): T | undefined => items.filter((i) => at(i) <= t).pop();
  for (let second = 1; from + (second - 1) * 1000 < end; second++) {
    const t = from + second * 1000;
    let published = 0;
    for (const [index, publishedAt] of sampled) if (publishedAt <= t) published = Math.max(published, Math.min(messages, index + sampleEvery));
    const snapshot = lastBefore(snapshots, (s) => s.at, t);
    points.push({
      second,
      published,
      received: snapshot?.received ?? 0,
      acknowledgedReadings: snapshot?.accepted ?? 0,
      landedReadings: lastBefore(landed.points, (p) => p[0], t)?.[1] ?? 0,
    });
  }
  return points;
}
