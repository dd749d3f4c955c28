import type { Clock } from '@hydro/domain';
import type { SimulatedMessage } from '../scenario';
import { createScenario } from '../scenarios/catalogue';
import { formatBeijing, HOUR_MS, MINUTE_MS } from '../time/sim-time';
import { progressLine, summaryLine } from './progress-line';
import { SimulatedClock } from './simulated-clock';
import type { SimulatorOptions } from './simulator-options';
import { WindowedPublisher } from './windowed-publisher';

/** At most this much simulated time is turned into messages per step, and no more while this many wait. */
const MAX_STEP_MS = 5 * MINUTE_MS;
const QUEUE_HIGH_WATER = 20_000;
/** How long a stop waits for outstanding PUBACKs before closing the connections anyway. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface SimulatorResult {
  /** PUBACK received: what a kill test compares with what the centre stored. */
  readonly acknowledged: number;
  readonly published: number;
  readonly failed: number;
  /** Published but no PUBACK when the connections closed (the broker may or may not have them). */
  readonly unconfirmed: number;
  /** Generated but never handed to a connection (stopped first). */
  readonly dropped: number;
  /** Simulated time reached, epoch ms. */
  readonly simulatedUntil: number;
  readonly reason: 'finished' | 'max-messages' | 'stopped';
}

export interface SimulatorRun {
  /** Settles when the run ends by itself or after stop(). */
  readonly done: Promise<SimulatorResult>;
  /** Stops generating, waits (bounded) for outstanding PUBACKs, closes the connections. */
  stop(): Promise<SimulatorResult>;
}

/**
 * Publishes a scenario over MQTT with QoS 1, advancing simulated time by speed × real time.
 * Messages are generated a step at a time and only while the publisher keeps up, so memory
 * stays bounded; when the broker is slower than the requested speed, simulated time lags.
 */
export async function runSimulator(options: SimulatorOptions, clock: Clock): Promise<SimulatorRun> {
  const registry = options.registry;
  const scenario = createScenario(options.scenario, { stations: registry.all(), seed: options.seed, start: options.start });
  const end = options.start + options.durationHours * HOUR_MS;
  const runId = `${options.seed}-${clock.now().toString(36)}`;
  const clients = await Promise.all(Array.from({ length: options.connections }, (_, i) => options.connect(options.url, `hydro-simulator-${runId}-${i}`, options)));
  const publisher = new WindowedPublisher(clients, options.window);
  const simulated = new SimulatedClock(clock, options.start, options.speed);
  options.log(
    `simulator: ${options.scenario} scenario, ${registry.size} stations, seed ${options.seed}, ${formatBeijing(options.start)} + ${options.durationHours} h at ×${options.speed}, ${options.connections} connection(s) to ${redact(options.url)}`,
  );

  let cursor = options.start;
  let taken = 0;
  let stopping: Promise<SimulatorResult> | undefined;
  let lastProgress = clock.now();
  let lastAcknowledged = 0;
  let resolveDone: (result: SimulatorResult) => void = () => undefined;
  const done = new Promise<SimulatorResult>((resolve) => (resolveDone = resolve));

  const take = (messages: SimulatedMessage[]): boolean => {
    for (const message of messages) {
      if (options.maxMessages !== undefined && taken >= options.maxMessages) return false;
      publisher.enqueue(message);
      taken += 1;
    }
    return true;
  };

  const tick = (): void => {
    const target = Math.min(end, simulated.now());
    let more = true;
    while (more && cursor < target && publisher.counts().queued < QUEUE_HIGH_WATER) {
      const next = Math.min(target, cursor + MAX_STEP_MS);
      more = take(scenario.messagesDue(cursor, next));
      cursor = next;
    }
    const now = clock.now();
    if (now - lastProgress >= options.progressEveryMs) {
      const counts = publisher.counts();
      options.log(progressLine({ simulatedAt: cursor, behindMs: Math.max(0, Math.min(end, simulated.now()) - cursor), counts, ratePerSecond: ((counts.acknowledged - lastAcknowledged) * 1000) / (now - lastProgress) }));
      lastProgress = now;
      lastAcknowledged = counts.acknowledged;
    }
    if (!more) void finish('max-messages');
    else if (cursor >= end) void finish('finished');
  };
  const finish = (reason: SimulatorResult['reason']): Promise<SimulatorResult> => {
    stopping ??= (async () => {
      clearInterval(timer);
      const dropped = reason === 'stopped' ? publisher.dropQueued() : 0;
      await Promise.race([publisher.idle(), delay(DRAIN_TIMEOUT_MS)]);
      const counts = publisher.counts();
      const dropNow = publisher.dropQueued();
      await Promise.all(clients.map((c) => c.endAsync(true).catch(() => undefined)));
      const result: SimulatorResult = {
        acknowledged: counts.acknowledged,
        published: counts.published,
        failed: counts.failed,
        unconfirmed: counts.inFlight,
        dropped: dropped + dropNow,
        simulatedUntil: cursor,
        reason,
      };
      options.log(summaryLine(result));
      resolveDone(result);
      return result;
    })();
    return stopping;
  };

  const timer = setInterval(tick, options.tickMs);
  tick();
  return { done, stop: () => finish('stopped') };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
