import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { cancelRemoveOnExit, ManagedProcess, ProcessStartError, removeOnExit } from './managed-process';

/**
 * A real InfluxDB 1.x (influxd) for integration tests, on its own loopback ports and temp
 * directory, configured to be quiet and to fsync every write so a SIGKILL loses nothing acknowledged.
 */

export interface InfluxServerOptions {
  /** How long to wait for GET /ping to answer 204; default 15 s. */
  readonly startTimeoutMs?: number;
}

/** The JSON InfluxDB 1.x answers on /query (epoch=ms: times are epoch milliseconds). */
export interface InfluxSeries {
  readonly name: string;
  readonly tags?: Readonly<Record<string, string>>;
  readonly columns: readonly string[];
  readonly values?: readonly (readonly unknown[])[];
}
export interface InfluxStatementResult {
  readonly statement_id: number;
  readonly series?: readonly InfluxSeries[];
  readonly error?: string;
}
export interface InfluxQueryResponse {
  readonly results?: readonly InfluxStatementResult[];
  readonly error?: string;
}

const INSTALL_HINT = 'Is InfluxDB 1.x (influxd) installed? Run scripts/ensure-services.sh.';
/** A free port can be taken by someone else before influxd binds it; then we try others. */
const START_ATTEMPTS = 3;
const REQUEST_TIMEOUT_MS = 30_000;

export class InfluxServer {
  private server: ManagedProcess | undefined;

  private constructor(
    readonly port: number,
    /** The backup/restore RPC port; bound only so that it cannot clash with another instance. */
    readonly rpcPort: number,
    /** Temp directory holding the config and the meta, data and wal directories. */
    readonly rootDir: string,
    private readonly startTimeoutMs: number,
  ) {}

  static async start(options: InfluxServerOptions = {}): Promise<InfluxServer> {
    const rootDir = await mkdtemp(join(tmpdir(), 'hydro-influxdb-'));
    removeOnExit(rootDir);
    try {
      await Promise.all(['meta', 'data', 'wal'].map((dir) => mkdir(join(rootDir, dir))));
      for (let attempt = 1; ; attempt++) {
        const [port, rpcPort] = await twoFreePorts();
        const server = new InfluxServer(port, rpcPort, rootDir, options.startTimeoutMs ?? 15_000);
        await writeFile(server.configFile, renderConfig(rootDir, port, rpcPort));
        try {
          await server.launch();
          return server;
        } catch (error) {
          if (attempt >= START_ATTEMPTS || !isPortClash(error)) throw error;
        }
      }
    } catch (error) {
      await rm(rootDir, { recursive: true, force: true });
      cancelRemoveOnExit(rootDir);
      throw error;
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get configFile(): string {
    return join(this.rootDir, 'influxdb.conf');
  }

  get running(): boolean {
    return this.server?.running ?? false;
  }

  /** influxd's recent log (warnings and errors only), for assertions and diagnosis. */
  get output(): string {
    return this.server?.output ?? '';
  }

  /** Clean shutdown (SIGTERM). */
  async stop(): Promise<void> {
    await this.server?.stop();
  }

  /** A crash (SIGKILL); acknowledged writes survive through the fsynced WAL. */
  async kill(): Promise<void> {
    await this.server?.kill();
  }

  /** Starts again on the same ports with the same data; stops cleanly first if running. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  /** Stops the server and deletes its directory. Safe to call twice. */
  async dispose(): Promise<void> {
    try {
      await this.stop();
    } finally {
      await rm(this.rootDir, { recursive: true, force: true });
      cancelRemoveOnExit(this.rootDir);
    }
  }

  /**
   * Runs InfluxQL through POST /query (so statements that change data are allowed) and returns the
   * parsed answer. Throws when InfluxDB reports an error, in the HTTP status or in any statement
   * result, so that a test cannot take a failed query for an empty one.
   */
  async query(q: string, db?: string): Promise<InfluxQueryResponse> {
    const form = new URLSearchParams({ q, epoch: 'ms' });
    if (db !== undefined) form.set('db', db);
    const response = await fetch(`${this.url}/query`, {
      method: 'POST',
      body: form,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`InfluxDB /query answered ${response.status}: ${text}`);
    const body = JSON.parse(text) as InfluxQueryResponse;
    const errors = [body.error, ...(body.results ?? []).map((result) => result.error)].filter(
      (error): error is string => error !== undefined,
    );
    if (errors.length > 0) throw new Error(`InfluxDB query failed: ${errors.join('; ')} (query: ${q})`);
    return body;
  }

  async createDatabase(name: string): Promise<void> {
    await this.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  }

  /** Writes line protocol through /write; InfluxDB answers 204 once the points are in the fsynced WAL. */
  async write(db: string, lines: string, precision: 'ns' | 'u' | 'ms' | 's' = 'ms'): Promise<void> {
    const params = new URLSearchParams({ db, precision });
    const response = await fetch(`${this.url}/write?${params.toString()}`, {
      method: 'POST',
      body: lines,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status !== 204) {
      throw new Error(`InfluxDB /write answered ${response.status}: ${await response.text()}`);
    }
  }

  private async launch(): Promise<void> {
    this.server = await ManagedProcess.start({
      name: 'influxd',
      command: 'influxd',
      args: ['-config', this.configFile],
      ready: () => answersPing(this.url),
      startTimeoutMs: this.startTimeoutMs,
      hint: INSTALL_HINT,
    });
  }
}

function renderConfig(rootDir: string, port: number, rpcPort: number): string {
  return `# Generated by test/support/influxdb-server.ts for one test run.
# Upstream InfluxDB 1.x spells it reporting-disabled; Debian's build renamed it reporting-enabled
# and ignores unknown keys, so both are set.
reporting-disabled = true
reporting-enabled = false
# Backup/restore RPC, default 127.0.0.1:8088: a port of its own so instances do not clash.
bind-address = "127.0.0.1:${rpcPort}"

[meta]
  dir = "${rootDir}/meta"
  logging-enabled = false

[data]
  dir = "${rootDir}/data"
  wal-dir = "${rootDir}/wal"
  # fsync every write before answering, so a point acknowledged before a SIGKILL is still there.
  wal-fsync-delay = "0s"
  query-log-enabled = false
  trace-logging-enabled = false

[monitor]
  # No _internal database: it would write in the background and show up in SHOW DATABASES.
  store-enabled = false

[subscriber]
  enabled = false

[http]
  enabled = true
  bind-address = "127.0.0.1:${port}"
  auth-enabled = false
  # The request log would print every write and query.
  log-enabled = false
  pprof-enabled = false
  https-enabled = false
  unix-socket-enabled = false

[ifql]
  # Would listen on :8082 on every interface.
  enabled = false

[logging]
  level = "warn"
  suppress-logo = true

[continuous_queries]
  enabled = false
  log-enabled = false

# Other listeners off: they bind fixed ports on every interface.
[[graphite]]
  enabled = false
[[collectd]]
  enabled = false
[[opentsdb]]
  enabled = false
[[udp]]
  enabled = false
`;
}

async function twoFreePorts(): Promise<[number, number]> {
  for (;;) {
    const first = await freePort();
    const second = await freePort();
    if (first !== second) return [first, second];
  }
}

async function answersPing(url: string): Promise<boolean> {
  const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1_000) });
  await response.arrayBuffer();
  return response.status === 204;
}

/** InfluxQL double-quoted identifier: backslash and double quote escaped. */
function quoteIdentifier(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function isPortClash(error: unknown): boolean {
  return error instanceof ProcessStartError && /address already in use/i.test(error.output);
}
