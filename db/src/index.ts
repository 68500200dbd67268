export { KBLI_SECTIONS, kbliSection } from '../reference/kbli.ts';
export { classifySize, SIZE_THRESHOLDS } from '../reference/size.ts';
export { ConfigError, type DatabaseTarget, type DbConfig, loadDbConfig, parsePostgresUrl } from './config.ts';
export { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './connection.ts';
export * from './database.ts';
export { type DataError, describeDataError } from './errors.ts';
export { DirectoryLockedError } from './lock.ts';
export { isMigrated, MigrationError, migrateToLatest } from './migrate.ts';
export { loadReferenceData, readRegions } from './reference.ts';
