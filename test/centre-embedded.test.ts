import { join } from 'node:path';
import { loadStationRegistry, SqliteReadingStore, systemClock } from '@hydro/ingestion';
import { connectMqttPublisher } from '@hydro/ingestion/publish/connect-mqtt-publisher';
import { runSimulator, SIMULATOR_DEFAULTS, type SimulatorResult } from '@hydro/simulation';
import { freePort } from './support/free-port';
import { IngestorProcess } from './support/ingestor-process';
import { waitFor } from './support/wait-for';

/** What the centre's embedded SQLite store holds, read from the file as an operator would. */
async function stored(dataDir: string): Promise<{ arrivals: number; readings: number; deadLetters: number }> {
  const store = new SqliteReadingStore({ file: join(dataDir, 'hydro.sqlite') });
  try {
    await store.prepare();
    return {
      arrivals: (await store.arrivals({})).length,
      readings: await store.countReadings({}),
      deadLetters: await store.countDeadLetters({}),
    };
  } finally {
    await store.close();
  }
}

function simulate(brokerPort: number, durationHours: number): ReturnType<typeof runSimulator> {
  return runSimulator({
    ...SIMULATOR_DEFAULTS,
    scenario: 'calm',
    durationHours,
    // As fast as the centre takes it: simulated time only advances while the publisher keeps up.
    speed: 1_000_000,
    url: `mqtt://127.0.0.1:${brokerPort}`,
    registry: loadStationRegistry('config/stations.json'),
    connect: connectMqttPublisher,
    log: () => undefined,
  }, systemClock);
}

describe('the all-in-one centre on embedded defaults (no external broker or database)', () => {
  let centre: IngestorProcess | undefined;
  afterEach(async () => {
    await centre?.dispose();
  });

  it('takes simulated reports on its embedded broker and stores every acknowledged one in SQLite', async () => {
    const brokerPort = await freePort();
    centre = await IngestorProcess.start({ app: 'centre', brokerPort });
    await waitFor(() => centre!.ready(), Boolean, 'the centre to be ready');
    expect(centre.output).toContain(`embedded broker on mqtt://127.0.0.1:${brokerPort}`);
    expect(centre.output).toContain('embedded SQLite store at');

    const result = await (await simulate(brokerPort, 0.5)).done;
    expect(result.reason).toBe('finished');
    expect(result.acknowledged).toBeGreaterThan(1418);

    // One arrival per message: each calm report is one observation of one station over one channel.
    await waitFor(() => stored(centre!.dataDir), (s) => s.arrivals === result.acknowledged, 'every acknowledged report in SQLite');
    const counts = await stored(centre.dataDir);
    expect(counts.readings).toBeGreaterThan(result.acknowledged);
    expect(counts.deadLetters).toBe(0);
  });

  it('stores every acknowledged report once when the centre is SIGKILLed mid-run and started again', async () => {
    const brokerPort = await freePort();
    centre = await IngestorProcess.start({ app: 'centre', brokerPort });
    await waitFor(() => centre!.ready(), Boolean, 'the centre to be ready');

    const run = await simulate(brokerPort, 1);
    await waitFor(() => stored(centre!.dataDir), (s) => s.arrivals > 2000, 'the run to be under way');
    await centre.kill();
    // The simulator's QoS 1 publishes without PUBACK are resent when the broker is back.
    await centre.restart();
    const result: SimulatorResult = await run.done;
    expect(result.reason).toBe('finished');

    // Every acknowledged report is stored, once (arrivals are keyed by station, channel and observation time).
    // Publishes still awaiting their PUBACK when the simulator closed may have been stored too, or not.
    const counts = await waitFor(() => stored(centre!.dataDir), (s) => s.arrivals >= result.acknowledged, 'every acknowledged report in SQLite');
    expect(counts.arrivals).toBeLessThanOrEqual(result.acknowledged + result.unconfirmed);
  });

  it('runs the station simulator inside itself with SIMULATE, and stores every report it had acknowledged', async () => {
    centre = await IngestorProcess.start({
      app: 'centre',
      brokerPort: await freePort(),
      env: { SIMULATE: 'calm', SIMULATE_SPEED: '7200', SIMULATE_HOURS: '0.5', SIMULATE_START: '2023-09-21T08:00:00+08:00' },
    });
    const summary = await waitFor(
      async () => centre!.logLines().map((l) => String(l['message'])).find((m) => m.startsWith('simulator: finished')),
      (line) => line !== undefined,
      'the in-process simulator to finish',
    );
    const acknowledged = Number(/: (\d+) messages acknowledged/.exec(summary!)?.[1]);
    // Half an hour of 1,418 stations: every station reports at least once.
    expect(acknowledged).toBeGreaterThanOrEqual(1418);
    await waitFor(() => stored(centre!.dataDir), (s) => s.arrivals === acknowledged, 'every acknowledged report in SQLite');
  });
});
