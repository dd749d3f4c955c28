import { connectMqttPublisher } from '@hydro/ingestion/publish/connect-mqtt-publisher';
import { ReplayFileError, WindowedPublisher } from '@hydro/simulation';
import { Command, InvalidArgumentError, Option } from 'commander';
import { readReplayFile, type ReplayFormat } from './replay-file';

/**
 * `npm run replay -- <file>`: feeds a past storm (CSV or InfluxDB line protocol) through the
 * same path as live telemetry, keeping observation times, as fast as the broker takes it or
 * at `--speed` times the original pace.
 */
async function main(argv: readonly string[]): Promise<void> {
  const program = new Command('replay')
    .argument('<file>', 'CSV (station,element,time,value[,channel]) or line protocol (measurement "reading")')
    .addOption(new Option('--format <format>', 'file format (default: by extension, .csv or line protocol)').choices(['csv', 'lp']))
    .addOption(new Option('--precision <p>', 'line-protocol timestamp precision').choices(['ns', 'us', 'ms', 's']).default('ns'))
    .option('--speed <n>', 'times the original pace (0: as fast as possible)', nonNegative, 0)
    .option('--url <url>', 'MQTT broker', 'mqtt://127.0.0.1:1883')
    .option('--window <n>', 'QoS 1 publishes awaiting PUBACK', nonNegative, 256)
    .parse([...argv]);
  const [file] = program.args as [string];
  const options = program.opts<{ format?: ReplayFormat; precision: 'ns' | 'us' | 'ms' | 's'; speed: number; url: string; window: number }>();

  const { reports, skipped } = readReplayFile(file, options.format, options.precision);
  process.stdout.write(`replay: ${reports.length} reports from ${file}${skipped > 0 ? ` (${skipped} lines of other measurements skipped)` : ''}\n`);
  const first = reports[0];
  if (!first) return;
  const client = await connectMqttPublisher(options.url, `hydro-replay-${process.pid}`, {});
  const publisher = new WindowedPublisher([client], Math.max(1, options.window));
  const started = Date.now();
  for (const report of reports) {
    if (options.speed > 0) {
      const due = started + (report.observedAt - first.observedAt) / options.speed;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    }
    publisher.enqueue({ topic: report.topic, payload: report.payload, channel: 'cellular', dueAt: report.observedAt, stationId: report.topic.split('/').pop() ?? '' });
  }
  await publisher.idle();
  const counts = publisher.counts();
  await client.endAsync();
  process.stdout.write(`replay: ${counts.acknowledged} reports acknowledged by the broker, ${counts.failed} failed\n`);
  if (counts.failed > 0) process.exitCode = 1;
}

function nonNegative(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number, 0 or more');
  return n;
}

main(process.argv).catch((error: unknown) => {
  process.stderr.write(`replay: ${error instanceof ReplayFileError ? error.message : String(error)}\n`);
  process.exitCode = error instanceof ReplayFileError ? 65 : 1;
});
