import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * A server process (mosquitto, influxd) spawned for a test, that never outlives the test run.
 * Shared by MosquittoBroker and InfluxServer so start-up, readiness and clean-up behave alike.
 */

export interface ManagedProcessSpec {
  /** For messages: "mosquitto", "influxd". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd?: string;
  /** Added to (and overriding) this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Resolves true once the server serves requests; errors count as "not yet". */
  readonly ready: () => Promise<boolean>;
  readonly startTimeoutMs: number;
  /** Appended when the command cannot be run at all, e.g. how to install a missing binary. */
  readonly hint: string;
}

/** Thrown when a server does not come up; carries its output so callers can spot a port clash. */
export class ProcessStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'ProcessStartError';
  }
}

/** Enough recent output to explain a failed start, without holding a chatty server's whole log. */
const OUTPUT_LIMIT = 16_384;
const POLL_MS = 100;
/** Debian installs mosquitto in /usr/sbin, which a non-login PATH may lack. */
const EXTRA_PATH = ['/usr/local/sbin', '/usr/sbin', '/sbin'];

export class ManagedProcess {
  private recentOutput = '';
  private exitDescription: string | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly spec: ManagedProcessSpec,
    private readonly child: ChildProcess,
    private readonly guard: ChildProcess,
  ) {
    const keep = (chunk: Buffer): void => {
      this.recentOutput = (this.recentOutput + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('exit', (code, signal) => {
      this.exitDescription = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      forget(child.pid);
      // The child is gone, so the guard must not fire later at a pid that may be reused.
      guard.kill('SIGKILL');
      forget(guard.pid);
    });
    // 'close' comes after 'exit' once stdout and stderr are drained, so `output` is complete.
    this.exited = new Promise((resolve) => child.once('close', () => resolve()));
  }

  /** Spawns the server and waits until `spec.ready()` says yes; throws ProcessStartError otherwise. */
  static async start(spec: ManagedProcessSpec): Promise<ManagedProcess> {
    const child = spawn(spec.command, [...spec.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: spec.cwd,
      env: { ...process.env, PATH: [process.env['PATH'] ?? '', ...EXTRA_PATH].join(':'), ...spec.env },
    });
    const spawnError = await new Promise<Error | undefined>((resolve) => {
      child.once('error', resolve);
      child.once('spawn', () => resolve(undefined));
    });
    if (spawnError !== undefined || child.pid === undefined) {
      throw new ProcessStartError(`could not run ${spec.command}: ${String(spawnError)}. ${spec.hint}`, '');
    }
    // A later 'error' (a failed kill) must not crash the test run as an unhandled event.
    child.on('error', () => undefined);
    remember(child.pid);
    const managed = new ManagedProcess(spec, child, spawnGuard(child.pid));
    // Unreferenced: a test that forgets dispose() must not keep Jest from exiting; the guard
    // and the exit handler then end the server.
    child.unref();
    unrefStream(child.stdout);
    unrefStream(child.stderr);
    await managed.waitUntilReady();
    return managed;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.exitDescription === undefined;
  }

  /** The last ~16 KB the server printed, for assertions and error messages. */
  get output(): string {
    return this.recentOutput;
  }

  /** SIGTERM, so the server shuts down cleanly (mosquitto saves its persistence file); SIGKILL after the grace period. */
  async stop(graceMs = 30_000): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = delay(graceMs, 'timeout' as const, { ref: false });
    if ((await Promise.race([this.exited.then(() => 'exited' as const), timer])) === 'timeout') {
      await this.kill();
    }
  }

  /** SIGKILL: a crash, nothing saved on the way out. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }

  private async waitUntilReady(): Promise<void> {
    const { name, startTimeoutMs } = this.spec;
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (!this.running) {
        await this.exited;
        throw new ProcessStartError(
          `${name} exited (${this.exitDescription ?? '?'}) before it was ready.\n--- ${name} output ---\n${this.output}`,
          this.output,
        );
      }
      const ready = await this.spec.ready().catch(() => false);
      if (ready && this.running) return;
      if (Date.now() > deadline) {
        await this.kill();
        throw new ProcessStartError(
          `${name} was not ready within ${startTimeoutMs} ms.\n--- ${name} output ---\n${this.output}`,
          this.output,
        );
      }
      await delay(POLL_MS);
    }
  }
}

/**
 * A `sh` that blocks reading a pipe from this process and SIGKILLs the server when the pipe
 * closes, i.e. when this Node process dies in any way, even by SIGKILL or a Jest timeout,
 * where no exit handler runs. It is itself killed as soon as the server exits.
 */
function spawnGuard(pid: number): ChildProcess {
  const guard = spawn('sh', ['-c', 'read -r line || kill -KILL "$1" 2>/dev/null', 'process-guard', String(pid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  guard.on('error', () => undefined);
  guard.unref();
  unrefStream(guard.stdin);
  if (guard.pid !== undefined) remember(guard.pid);
  return guard;
}

function unrefStream(stream: unknown): void {
  if (stream instanceof Socket) stream.unref();
}

/**
 * Jest gives every test file its own copy of `process`, and that copy never emits 'exit'
 * (checked with Jest 30), so the handler has to go on the real process. A function from a
 * Node built-in module belongs to the host realm, and its Function constructor evaluates there.
 */
function hostProcess(): NodeJS.Process {
  const HostFunction = spawn.constructor as FunctionConstructor;
  const readHostProcess = HostFunction('return process') as () => NodeJS.Process;
  return readHostProcess();
}

/** One registry per Node process (not per Jest module registry), so the handler is added once. */
const REGISTRY: unique symbol = Symbol.for('wenzhou-hydro.test.managed-process-registry');
interface Registry {
  readonly pids: Set<number>;
  readonly dirs: Set<string>;
}
type RegistryHolder = { [REGISTRY]?: Registry };

function registry(): Registry {
  const host = hostProcess();
  const holder = host as unknown as RegistryHolder;
  const existing = holder[REGISTRY];
  if (existing !== undefined) return existing;
  const created: Registry = { pids: new Set(), dirs: new Set() };
  holder[REGISTRY] = created;
  host.once('exit', () => {
    for (const pid of created.pids) {
      try {
        host.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const dir of created.dirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // A server killed a moment ago may still be writing; a leftover temp dir is harmless.
      }
    }
  });
  return created;
}

function remember(pid: number): void {
  registry().pids.add(pid);
}

function forget(pid: number | undefined): void {
  if (pid !== undefined) registry().pids.delete(pid);
}

/** Temp directories of servers not disposed of by their test are removed when the run exits. */
export function removeOnExit(dir: string): void {
  registry().dirs.add(dir);
}

/** The directory is gone already (disposed of), so the exit handler need not remove it. */
export function cancelRemoveOnExit(dir: string): void {
  registry().dirs.delete(dir);
}
