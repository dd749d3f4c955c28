import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Station } from '@hydro/domain';
import { CentreApi } from './centre-api';
import { freePort } from './free-port';
import { IngestorProcess } from './ingestor-process';
import { uniqueName } from './services';
import { writeStationRegistry } from './station-picks';
import { waitFor } from './wait-for';

/** HYDRO_ADMIN_TOKEN of every centre the tests start. */
export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface CentreSetup {
  /** The registry the centre runs with, in this order. */
  readonly stations: readonly Station[];
  /** External broker and InfluxDB; absent: the embedded broker and the SQLite store. */
  readonly external?: { readonly mqttUrl: string; readonly influxUrl: string; readonly database: string };
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The all-in-one centre on a registry of a few stations, with an admin token. Its directories exist
 * before it starts, so a test can seed the store (the SQLite file in `dataDir`) first.
 */
export class CentreUnderTest {
  private process: IngestorProcess | undefined;

  private constructor(
    private readonly setup: CentreSetup,
    readonly rootDir: string,
    /** The embedded broker's port; unused with an external broker. */
    readonly brokerPort: number,
    readonly clientId: string,
  ) {}

  static async prepare(setup: CentreSetup): Promise<CentreUnderTest> {
    const rootDir = mkdtempSync(join(tmpdir(), 'hydro-centre-'));
    const centre = new CentreUnderTest(setup, rootDir, await freePort(), uniqueName('centre'));
    mkdirSync(centre.dataDir);
    writeStationRegistry(centre.registryFile, setup.stations);
    writeNoFloodRules(centre.rulesDir);
    return centre;
  }

  /** No flood rules: the committed ones name stations this small registry does not hold. */
  get rulesDir(): string {
    return join(this.rootDir, 'rules');
  }

  get dataDir(): string {
    return join(this.rootDir, 'data');
  }

  get registryFile(): string {
    return join(this.rootDir, 'stations.json');
  }

  /** The embedded store's file, for seeding history before start. */
  get sqliteFile(): string {
    return join(this.dataDir, 'hydro.sqlite');
  }

  /** Where stations publish and alerts are published. */
  get brokerUrl(): string {
    return this.setup.external?.mqttUrl ?? `mqtt://127.0.0.1:${this.brokerPort}`;
  }

  get api(): CentreApi {
    return new CentreApi(this.running.url);
  }

  get output(): string {
    return this.process?.output ?? '';
  }

  /** Starts the process and returns once /health answers (the API is up; history may still be loading). */
  async start(): Promise<void> {
    const external = this.setup.external;
    this.process = await IngestorProcess.start({
      app: 'centre',
      dataDir: this.dataDir,
      ...(external === undefined
        ? { brokerPort: this.brokerPort }
        : { mqttUrl: external.mqttUrl, influxUrl: external.influxUrl, database: external.database }),
      env: { STATIONS_FILE: this.registryFile, RULES_DIR: this.rulesDir, HYDRO_ADMIN_TOKEN: ADMIN_TOKEN, MQTT_CLIENT_ID: this.clientId, ...this.setup.env },
    });
  }

  /** Waits until broker and store are reached and station health has been rebuilt from the store. */
  async settled(): Promise<void> {
    await waitFor(() => this.running.ready(), Boolean, 'the centre to be ready');
    await waitFor(async () => this.loggedSince('station health rebuilt from the store'), Boolean, 'station health to be rebuilt from the store');
  }

  /** A crash: SIGKILL, nothing saved on the way out. */
  async kill(): Promise<void> {
    await this.process?.kill();
  }

  /** Starts again with the same data, ports and registry (after kill(), or stopping cleanly first). */
  async restart(): Promise<void> {
    await this.running.restart();
  }

  async dispose(): Promise<void> {
    await this.process?.dispose();
    rmSync(this.rootDir, { recursive: true, force: true });
  }

  /** Whether this run of the process (since its last start) logged a message containing `text`. */
  loggedSince(text: string): boolean {
    return this.running.logLines().some((line) => String(line['message']).includes(text));
  }

  private get running(): IngestorProcess {
    if (this.process === undefined) throw new Error('the centre has not been started');
    return this.process;
  }
}

function writeNoFloodRules(dir: string): void {
  mkdirSync(dir);
  for (const file of ['water-levels.json', 'rate-of-rise.json', 'venues.json', 'warning-areas.json']) {
    writeFileSync(join(dir, file), JSON.stringify({ version: 1, rules: [] }));
  }
}
