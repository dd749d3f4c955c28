import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { ManagedProcess } from './managed-process';

const ROOT = join(__dirname, '../..');

export interface IngestorProcessOptions {
  /** An external broker; absent: the embedded broker on `brokerPort`. */
  readonly mqttUrl?: string;
  /** InfluxDB; absent: the embedded SQLite store in the data directory. */
  readonly influxUrl?: string;
  readonly database?: string;
  readonly brokerPort?: number;
  /** Kept across restarts so a restarted ingestor finds its spool. */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The app under test: the ingestor, or the all-in-one centre. */
  readonly app?: 'ingestor' | 'centre';
}

/**
 * The real service as a separate process (so it can be SIGKILLed), run from source with
 * ts-node and the path aliases, exactly as `npm run start:<app>` runs it.
 */
export class IngestorProcess {
  private process: ManagedProcess | undefined;

  private constructor(
    private readonly options: IngestorProcessOptions,
    readonly dataDir: string,
    readonly httpPort: number,
    private readonly ownsDataDir: boolean,
  ) {}

  static async start(options: IngestorProcessOptions): Promise<IngestorProcess> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hydro-ingestor-'));
    const ingestor = new IngestorProcess(options, dataDir, await freePort(), options.dataDir === undefined);
    await ingestor.launch();
    return ingestor;
  }

  get url(): string {
    return `http://127.0.0.1:${this.httpPort}`;
  }

  get output(): string {
    return this.process?.output ?? '';
  }

  get running(): boolean {
    return this.process?.running ?? false;
  }

  /** The JSON log lines printed so far. */
  logLines(): Array<Record<string, unknown>> {
    return this.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      });
  }

  async metric(name: string, labels = ''): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `) || (labels === '' && l.startsWith(`${name} `)));
    return line === undefined ? 0 : Number(line.split(' ')[1]);
  }

  async ready(): Promise<boolean> {
    const response = await fetch(`${this.url}/ready`).catch(() => undefined);
    return response?.status === 200;
  }

  async kill(): Promise<void> {
    await this.process?.kill();
  }

  async stop(): Promise<void> {
    await this.process?.stop();
  }

  async restart(): Promise<void> {
    await this.process?.stop();
    await this.launch();
  }

  async dispose(): Promise<void> {
    await this.process?.kill();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private async launch(): Promise<void> {
    const { options } = this;
    const app = options.app ?? 'ingestor';
    this.process = await ManagedProcess.start({
      name: app,
      command: process.execPath,
      args: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, `apps/${app}/src/main.ts`)],
      cwd: ROOT,
      env: {
        HTTP_PORT: String(this.httpPort),
        HTTP_HOST: '127.0.0.1',
        ...(options.mqttUrl === undefined ? {} : { MQTT_URL: options.mqttUrl }),
        ...(options.influxUrl === undefined ? {} : { INFLUX_URL: options.influxUrl }),
        ...(options.database === undefined ? {} : { INFLUX_DATABASE: options.database }),
        ...(options.brokerPort === undefined ? {} : { MQTT_BROKER_PORT: String(options.brokerPort) }),
        DATA_DIR: this.dataDir,
        MQTT_CLIENT_ID: 'test-ingestor',
        MQTT_RECONNECT_MIN_MS: '200',
        MQTT_RECONNECT_MAX_MS: '1000',
        INFLUX_RETRY_MIN_MS: '100',
        INFLUX_RETRY_MAX_MS: '1000',
        LOG_FORMAT: 'json',
        ...options.env,
      },
      ready: async () => (await fetch(`${this.url}/health`)).status === 200,
      startTimeoutMs: 60_000,
      hint: 'See the output below.',
    });
  }
}
