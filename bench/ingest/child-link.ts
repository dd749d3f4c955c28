import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

/**
 * Benchmark roles that must not share the parent's event loop (publishers, the bare subscriber)
 * run as child processes of their own, started through ts-node like the bench itself, and talk to
 * the parent with typed messages over IPC (structured clone, so typed arrays pass as they are).
 */
export interface LinkMessage {
  readonly type: string;
  readonly [key: string]: unknown;
}

const ROOT = join(__dirname, '../..');

export class ChildLink {
  private readonly listeners = new Map<string, Array<(message: LinkMessage) => void>>();
  private readonly exited: Promise<void>;
  private failure: Error | undefined;

  private constructor(private readonly child: ChildProcess, readonly name: string) {
    child.on('message', (message: LinkMessage) => {
      if (message.type === 'error') this.failure = new Error(`${name}: ${String(message['message'])}`);
      for (const listener of this.listeners.get(message.type) ?? []) listener(message);
    });
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    child.once('exit', (code, signal) => {
      this.failure ??= code === 0 ? undefined : new Error(`${name} exited (${signal ?? `code ${String(code)}`})`);
      for (const listener of this.listeners.get('exit') ?? []) listener({ type: 'exit' });
    });
  }

  /** Forks `bench/ingest/<file>` under ts-node with the path aliases. */
  static start(file: string, name: string): ChildLink {
    const child = fork(join(__dirname, file), [], {
      cwd: ROOT,
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new ChildLink(child, name);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  send(message: LinkMessage): void {
    this.child.send(message);
  }

  on(type: string, listener: (message: LinkMessage) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  /** The next message of `type`; rejects if the child reports an error or exits first. */
  next(type: string): Promise<LinkMessage> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (action: () => void): void => {
        if (settled) return;
        settled = true;
        action();
      };
      this.on(type, (message) => settle(() => resolve(message)));
      this.on('error', () => settle(() => reject(this.failure ?? new Error(`${this.name} failed`))));
      this.on('exit', () => settle(() => reject(this.failure ?? new Error(`${this.name} exited before "${type}"`))));
    });
  }

  /** Asks the child to finish; kills it if it has not exited within `graceMs`. */
  async close(graceMs = 10_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.send({ type: 'exit' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Child side: handle the parent's messages, and report back. */
export function onParentMessage(handler: (message: LinkMessage) => Promise<void> | void): void {
  process.on('message', (message: LinkMessage) => {
    Promise.resolve(handler(message)).catch((error: unknown) => {
      toParent({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exitCode = 1;
      process.disconnect?.();
    });
  });
}

export function toParent(message: LinkMessage): void {
  process.send?.(message);
}
