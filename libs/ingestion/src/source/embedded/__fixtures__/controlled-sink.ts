import { SpoolFullError } from '../../../intake/telemetry-intake';
import type { Log } from '../../../log';
import type { TelemetrySink } from '../../telemetry-source';

export interface Deferred {
  promise: Promise<void>;
  resolve(): void;
  reject(error: Error): void;
}

export function deferred(): Deferred {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A sink whose `accept` resolves at once, rejects as a full spool does, or waits for the test. */
export class ControlledSink implements TelemetrySink {
  readonly accepted: Array<{ topic: string; payload: string; durable: Deferred }> = [];
  room = true;
  private readonly watchers: Array<{ count: number; reached: () => void }> = [];

  constructor(public behaviour: 'resolve' | 'reject' | 'hold') {}

  accept(topic: string, payload: Buffer): Promise<void> {
    const durable = deferred();
    this.accepted.push({ topic, payload: payload.toString(), durable });
    if (this.behaviour === 'resolve') durable.resolve();
    if (this.behaviour === 'reject') durable.reject(new SpoolFullError('the spool is full'));
    for (const watcher of this.watchers.splice(0)) {
      if (this.accepted.length >= watcher.count) watcher.reached();
      else this.watchers.push(watcher);
    }
    return durable.promise;
  }

  hasRoom(): boolean {
    return this.room;
  }

  untilAccepted(count: number): Promise<void> {
    if (this.accepted.length >= count) return Promise.resolve();
    return new Promise((reached) => this.watchers.push({ count, reached }));
  }

  releaseAll(): void {
    for (const { durable } of this.accepted) durable.resolve();
  }
}

export class RecordingLog implements Log {
  readonly lines: string[] = [];
  log(message: string): void {
    this.lines.push(`log: ${message}`);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(message: string): void {
    this.lines.push(`error: ${message}`);
  }
}
