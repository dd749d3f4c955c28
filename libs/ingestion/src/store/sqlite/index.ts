export { SqliteReadingStore, type SqliteStoreOptions } from './sqlite-reading-store';
export { SqliteFileError } from './sqlite-errors';
export { NewerSchemaError, SCHEMA_VERSION } from './sqlite-migrations';
