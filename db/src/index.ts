export { KBLI_SECTIONS, kbliSection } from '../reference/kbli.ts';
export { classifySize, SIZE_THRESHOLDS } from '../reference/size.ts';
export { ConfigError, type DatabaseTarget, type DbConfig, loadDbConfig, parsePostgresUrl } from './config.ts';
export { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './connection.ts';
export { isConnectionFailure, isStorageFull } from './connection-errors.ts';
export * from './database.ts';
export { bilingual, type DataError, databaseSays, describeDataError } from './errors.ts';
export { DirectoryLockedError } from './lock.ts';
export { isMigrated, MigrationError, migrateToLatest, STARTUP_LOCK_KEY, withStartupLock } from './migrate.ts';
export { DB_PACKAGE_DIR, REPOSITORY_ROOT } from './paths.ts';
export { PREPARED } from './prepared-statements.ts';
export {
  lsnValue,
  type ReadReplica,
  type ReadTarget,
  type ReplicaCheck,
  type ReplicaEvents,
} from './read-replica.ts';
export { loadReferenceData, readRegions } from './reference.ts';
export type { RequestGuard } from './request-guard.ts';
export {
  applyPendingRollups,
  pendingRollupChanges,
  rebuildRollups,
  rollupMode,
  setRollupMode,
} from './rollups.queries.ts';
export { dataVersion, refreshStatistics } from './statistics.ts';
