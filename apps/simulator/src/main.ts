import { systemClock } from '@hydro/ingestion/clock/system-clock';
import { connectMqttPublisher } from '@hydro/ingestion/publish/connect-mqtt-publisher';
import { loadStationRegistry } from '@hydro/ingestion/stations/load-station-registry';
import { runSimulator, type SimulatorRun } from '@hydro/simulation';
import { CommanderError } from 'commander';
import { parseCliOptions } from './cli-options';

/**
 * `npm run simulate -- --scenario typhoon --speed 60`: publishes until the simulated duration
 * is over (or --max-messages), then prints how many messages the broker acknowledged.
 * Ctrl-C (or SIGTERM) stops cleanly and prints the same final count; a second one exits at once.
 */
async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), (program) => program.exitOverride());
  const log = (line: string): void => console.log(line);
  // Simulated time runs linearly, so checking both ends of the run is enough.
  const now = systemClock.now();
  const end = options.start + options.durationHours * 3_600_000;
  const tolerance = 10 * 60_000;
  if (options.start > now + tolerance || end > now + (end - options.start) / options.speed + tolerance) {
    log('simulator: warning: simulated time will run ahead of the real clock; the centre refuses reports more than 10 min in its future (future_timestamp)');
  }
  const password = process.env['SIMULATOR_MQTT_PASSWORD'];
  const registry = loadStationRegistry(options.stationsFile);
  const run: SimulatorRun = await runSimulator(
    { ...options, registry, log, connect: connectMqttPublisher, ...(password === undefined ? {} : { password }) },
    systemClock,
  );

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) process.exit(130);
    log(`simulator: ${signal}: stopping`);
    void run.stop();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const result = await run.done;
  process.exitCode = result.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode;
    return;
  }
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
