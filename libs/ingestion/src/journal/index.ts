// JournalRecord is left out on purpose: drain/drain-batch.ts exports a structurally identical
// interface of that name, and `export *` of both from the library index would be ambiguous.
export { Journal, type JournalStats } from './journal';
export type { JournalLogger, JournalOptions } from './options';
export { JournalClosedError, JournalCorruptionError, JournalFailedError } from './errors';
