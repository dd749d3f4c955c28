import { ChildLink } from './child-link';
import type { PublisherSpec } from './publisher-child';
import type { WorkloadSpec } from './workload';

export interface PublisherSetup {
  /** Publisher processes, each with its own event loop (and so its own core, when one is free). */
  readonly processes: number;
  /** MQTT connections per process. */
  readonly connections: number;
  /** In-flight QoS 1 publishes per connection. */
  readonly window: number;
}

export interface GroupResult {
  readonly published: number;
  readonly failed: number;
  readonly disconnects: number;
  readonly firstPublishAt: number;
  readonly lastAckAt: number;
  readonly ackLatencyMs: Float64Array;
}

/**
 * Several publisher processes over one workload (message i goes to process i mod processes).
 * `prepare` starts them and waits until all are connected with their messages built, so that
 * start-up is not timed; `run` starts them together and collects their results.
 */
export class PublisherGroup {
  private constructor(private readonly links: ChildLink[]) {}

  static async prepare(url: string, clientId: string, workload: WorkloadSpec, setup: PublisherSetup, sampleEvery: number, ratePerSecond?: number): Promise<PublisherGroup> {
    const links = Array.from({ length: setup.processes }, (_, part) => ChildLink.start('publisher-child.ts', `publisher ${part}`));
    try {
      await Promise.all(
        links.map((link, part) => {
          const spec: PublisherSpec = {
            url,
            clientId: `${clientId}-p${part}`,
            workload,
            part,
            parts: setup.processes,
            connections: setup.connections,
            window: setup.window,
            sampleEvery,
            ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
          };
          const ready = link.next('ready');
          link.send({ type: 'start', spec });
          return ready;
        }),
      );
    } catch (error) {
      await Promise.all(links.map((link) => link.close()));
      throw error;
    }
    return new PublisherGroup(links);
  }

  get pids(): number[] {
    return this.links.flatMap((link) => (link.pid === undefined ? [] : [link.pid]));
  }

  /** Publishes everything; `onSample` gets the publish time of each sampled message as it happens. */
  async run(onSample: (index: number, publishedAt: number) => void): Promise<GroupResult> {
    for (const link of this.links) link.on('sample', (m) => onSample(m['index'] as number, m['publishedAt'] as number));
    const done = this.links.map((link) => link.next('done'));
    for (const link of this.links) link.send({ type: 'go' });
    const results = await Promise.all(done);
    const latencies = new Float64Array(results.reduce((sum, r) => sum + (r['ackLatencyMs'] as Float64Array).length, 0));
    let at = 0;
    for (const r of results) {
      latencies.set(r['ackLatencyMs'] as Float64Array, at);
      at += (r['ackLatencyMs'] as Float64Array).length;
    }
    const sum = (key: string): number => results.reduce((total, r) => total + (r[key] as number), 0);
    return {
      published: sum('published'),
      failed: sum('failed'),
      disconnects: sum('disconnects'),
      firstPublishAt: Math.min(...results.map((r) => r['firstPublishAt'] as number)),
      lastAckAt: Math.max(...results.map((r) => r['lastAckAt'] as number)),
      ackLatencyMs: latencies,
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.links.map((link) => link.close()));
  }
}
