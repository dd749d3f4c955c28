export interface JournalLogger {
  warn(message: string): void;
}

export interface JournalOptions {
  /** Bound on bytes not yet checkpointed; `isFull()` turns true at it. Default 1 GiB. */
  readonly maxBytes?: number;
  /** A new segment file is started once the current one has reached this size. Default 64 MiB. */
  readonly segmentBytes?: number;
  /**
   * Longest an append waits for others to join its group before the write starts. Default 0:
   * a group is whatever queued while the previous fdatasync ran.
   */
  readonly maxBatchDelayMs?: number;
  /** Cap on one group's bytes, so a huge backlog of appends is not one giant buffer. Default 4 MiB. */
  readonly maxBatchBytes?: number;
  /** Memory for recent records served to `readAfter` without disk reads. Default 32 MiB. */
  readonly cacheBytes?: number;
  readonly log?: JournalLogger;
}

export type ResolvedJournalOptions = Required<JournalOptions>;

const GIB = 1024 * 1024 * 1024;
const MIB = 1024 * 1024;

const silent: JournalLogger = { warn: () => undefined };

export function resolveJournalOptions(options: JournalOptions): ResolvedJournalOptions {
  const resolved: ResolvedJournalOptions = {
    maxBytes: options.maxBytes ?? GIB,
    segmentBytes: options.segmentBytes ?? 64 * MIB,
    maxBatchDelayMs: options.maxBatchDelayMs ?? 0,
    maxBatchBytes: options.maxBatchBytes ?? 4 * MIB,
    cacheBytes: options.cacheBytes ?? 32 * MIB,
    log: options.log ?? silent,
  };
  for (const key of ['maxBytes', 'segmentBytes', 'maxBatchBytes'] as const) {
    if (!(resolved[key] > 0)) throw new RangeError(`journal option ${key} must be positive, got ${resolved[key]}`);
  }
  for (const key of ['maxBatchDelayMs', 'cacheBytes'] as const) {
    if (!(resolved[key] >= 0)) throw new RangeError(`journal option ${key} must not be negative, got ${resolved[key]}`);
  }
  return resolved;
}
