export { ConfigError, type DbConfig, type DatabaseTarget, loadDbConfig, parsePostgresUrl } from './config.ts';
export { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './connection.ts';
export * from './database.ts';
export { type DataError, describeDataError } from './errors.ts';
export { DirectoryLockedError } from './lock.ts';
export { isMigrated, MigrationError, migrateToLatest } from './migrate.ts';
export { loadReferenceData, readRegions } from './reference.ts';
export { classifySize, SIZE_THRESHOLDS } from '../reference/size.ts';
export { kbliSection, KBLI_SECTIONS } from '../reference/kbli.ts';
