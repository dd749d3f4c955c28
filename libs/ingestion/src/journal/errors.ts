/**
 * A journal file is damaged somewhere other than its torn tail. Opening refuses rather than
 * dropping the damaged part, because records there may already have been acknowledged.
 */
export class JournalCorruptionError extends Error {
  override readonly name = 'JournalCorruptionError';

  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`journal corrupt in ${file} at offset ${offset}: ${reason}`);
  }
}

/** The journal has been closed; appends and reads are refused. */
export class JournalClosedError extends Error {
  override readonly name = 'JournalClosedError';

  constructor() {
    super('the journal is closed');
  }
}

/**
 * An fdatasync (or the clean-up after a failed write) failed. After a failed fsync the kernel may
 * already have dropped the dirty pages, so retrying could report success for data that is gone:
 * the journal refuses every further append and the process should restart and recover from disk.
 */
export class JournalFailedError extends Error {
  override readonly name = 'JournalFailedError';

  constructor(override readonly cause: Error) {
    super(`the journal stopped after a failed sync and needs a restart: ${cause.message}`);
  }
}

/*
 * Duck-typed rather than `instanceof Error`: errors from Node's own modules come from another
 * realm under Jest's VM sandbox, and instanceof would fail for them there.
 */
export function asError(value: unknown): Error {
  return isErrorLike(value) ? value : new Error(String(value));
}

export function isErrnoException(value: unknown, code: string): boolean {
  return isErrorLike(value) && (value as NodeJS.ErrnoException).code === code;
}

function isErrorLike(value: unknown): value is Error {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}
