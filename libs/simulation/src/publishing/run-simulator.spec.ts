import { parseStationRegistry, type Clock } from '@hydro/domain';
import { committedRegistry } from '../__fixtures__/registry';
import { runSimulator } from './run-simulator';
import { SIMULATOR_DEFAULTS, type SimulatorClient, type SimulatorOptions } from './simulator-options';

/** Fifty stations are plenty to exercise the run loop. */
const registry = parseStationRegistry({ version: 1, stations: committedRegistry().all().slice(0, 50) }, 'first 50');

/** Acknowledges every publish on the next turn of the event loop, and remembers what it got. */
class AckingClient implements SimulatorClient {
  readonly topics: string[] = [];
  ended = false;
  publish(topic: string, _message: string, _options: { qos: 1 }, callback: (error?: Error) => void): void {
    this.topics.push(topic);
    setImmediate(() => callback());
  }
  async endAsync(): Promise<void> {
    this.ended = true;
  }
}

function options(overrides: Partial<SimulatorOptions>, clients: AckingClient[]): SimulatorOptions {
  return {
    ...SIMULATOR_DEFAULTS,
    scenario: 'calm',
    durationHours: 1,
    registry,
    tickMs: 5,
    log: () => undefined,
    connect: async () => {
      const client = new AckingClient();
      clients.push(client);
      return client;
    },
    ...overrides,
  };
}

/** A clock that jumps a simulated hour per reading at ×3600: the run is over at once. */
function fastClock(): Clock {
  let now = 0;
  return { now: () => (now += 1000) };
}

describe('runSimulator', () => {
  it('publishes the whole simulated duration and reports every PUBACK', async () => {
    const clients: AckingClient[] = [];
    const lines: string[] = [];
    const run = await runSimulator(options({ speed: 3600, log: (l) => lines.push(l) }, clients), fastClock());
    const result = await run.done;
    expect(result.reason).toBe('finished');
    expect(result.acknowledged).toBe(clients.reduce((sum, c) => sum + c.topics.length, 0));
    expect(result.acknowledged).toBeGreaterThan(50 * 11);
    expect(result).toMatchObject({ failed: 0, unconfirmed: 0, dropped: 0 });
    expect(clients.every((c) => c.ended)).toBe(true);
    expect(lines.at(-1)).toContain(`${result.acknowledged} messages acknowledged by the broker`);
  });

  it('stops after --max-messages', async () => {
    const clients: AckingClient[] = [];
    const run = await runSimulator(options({ speed: 3600, maxMessages: 123 }, clients), fastClock());
    const result = await run.done;
    expect(result).toMatchObject({ reason: 'max-messages', acknowledged: 123, published: 123 });
  });

  it('stops on request, counting only what the broker acknowledged', async () => {
    const clients: AckingClient[] = [];
    let now = 0;
    const run = await runSimulator(options({ speed: 60, durationHours: 24 }, clients), { now: () => (now += 50) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const result = await run.stop();
    expect(result.reason).toBe('stopped');
    expect(result.acknowledged + result.unconfirmed + result.failed).toBe(result.published);
    expect(result.simulatedUntil).toBeLessThan(SIMULATOR_DEFAULTS.start + 24 * 3_600_000);
    await expect(run.done).resolves.toEqual(result);
  });
});
