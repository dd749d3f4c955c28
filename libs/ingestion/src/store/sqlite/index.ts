export { SqliteReadingStore, type SqliteStoreOptions } from './sqlite-reading-store';
export { SqliteEventLog, type SqliteEventLogOptions } from './sqlite-event-log';
export { SqliteFileError } from './sqlite-errors';
export { NewerSchemaError, SCHEMA_VERSION } from './sqlite-migrations';
