import { ChildLink } from './child-link';
import { removeSessions } from './mqtt-sessions';
import { PublisherGroup, type PublisherSetup } from './publisher-group';
import { CpuMeter } from './proc-stats';
import { percentile } from './stats';
import { type WorkloadSpec, workloadTotals } from './workload';

export interface CeilingAResult {
  /** Messages delivered to the counting subscriber per second, first publish → last delivery. */
  readonly deliveredPerSecond: number;
  /** Messages the broker acknowledged to the publishers per second, first publish → last PUBACK. */
  readonly acceptedPerSecond: number;
  readonly pubackP50Ms: number;
  readonly pubackP99Ms: number;
  readonly cpu: Record<string, number>;
}

/**
 * Ceiling A: how fast the broker delivers the workload to a QoS 1 subscriber that only counts.
 * No ingestor runs; what limits this is the broker, the publishers and the subscriber's client.
 */
export async function runCeilingA(brokerUrl: string, brokerPid: number, workload: WorkloadSpec, setup: PublisherSetup, tag: string): Promise<CeilingAResult> {
  const { messages } = workloadTotals(workload);
  const subscriberId = `bench-a-${tag}`;
  const subscriber = ChildLink.start('counting-subscriber-child.ts', 'counting subscriber');
  let publishers: PublisherGroup | undefined;
  try {
    const ready = subscriber.next('ready');
    subscriber.send({ type: 'start', url: brokerUrl, clientId: subscriberId, expected: messages });
    await ready;
    publishers = await PublisherGroup.prepare(brokerUrl, `bench-a-pub-${tag}`, workload, setup, Number.MAX_SAFE_INTEGER);
    const group = publishers;
    const meter = new CpuMeter(() => ({
      mosquitto: [brokerPid],
      publishers: group.pids,
      subscriber: subscriber.pid === undefined ? [] : [subscriber.pid],
      'bench (polling)': [process.pid],
    }));
    const delivered = subscriber.next('done');
    meter.start();
    const published = await publishers.run(() => undefined);
    const done = await delivered;
    const cpu = meter.read();
    if (published.failed > 0 || published.disconnects > 0) {
      console.warn(`ceiling A ${tag}: ${published.failed} publishes failed, ${published.disconnects} publisher disconnects`);
    }
    return {
      deliveredPerSecond: messages / (((done['lastAt'] as number) - published.firstPublishAt) / 1000),
      acceptedPerSecond: messages / ((published.lastAckAt - published.firstPublishAt) / 1000),
      pubackP50Ms: percentile(published.ackLatencyMs, 0.5),
      pubackP99Ms: percentile(published.ackLatencyMs, 0.99),
      cpu,
    };
  } finally {
    await publishers?.close();
    await subscriber.close();
    await removeSessions(brokerUrl, [subscriberId]);
  }
}
