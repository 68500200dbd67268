import os from 'node:os';
import path from 'node:path';
import { ConfigError, type DbConfig, loadDbConfig, REPOSITORY_ROOT } from '@jejaring/db';
import { type AuthConfig, loadAuthConfig } from './auth/auth-config.ts';
import { intVar } from './env.ts';
import type { ExecutorKind } from './graphql/jit-executor.ts';
import { type LimitsConfig, loadLimitsConfig } from './http/limits-config.ts';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly db: DbConfig;
  /** Largest `first`/`last` a connection accepts. */
  readonly maxPageSize: number;
  readonly logLevel: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Folder of the built dashboard, served at `/` when it exists. */
  readonly dashboardDir: string;
  /** Seconds between checks that re-analyse the tables after writes (0: never; see statistics-keeper.ts). */
  readonly statisticsInterval: number;
  /** Seconds between applications of the rollup changes recorded in SCHEDULED mode (0: never; see rollup-scheduler.ts). */
  readonly rollupInterval: number;
  /** Seconds between the domino warmer's looks for matrices to rebuild after writes (0: never). */
  readonly dominoWarmInterval: number;
  /** Shutdown: how long requests in flight may take to finish after SIGTERM before their sockets are closed (ms). */
  readonly shutdownTimeoutMs: number;
  /** Shutdown: how long to keep accepting connections after SIGTERM while /readyz answers 503 (ms). */
  readonly shutdownDelayMs: number;
  /** Folder where uploaded imports wait (IMPORT_DIR; default a jejaring-imports folder in the system's temp folder). */
  readonly importDir: string;
  /** Largest upload to POST /imports, in bytes (MAX_UPLOAD_MB). */
  readonly maxUploadBytes: number;
  /** Request deadline, query limits, rate limits, CORS (http/limits-config.ts). */
  readonly limits: LimitsConfig;
  /** NODE_ENV=production (`pnpm start`): the server refuses to start with demo credentials on real data. */
  readonly production: boolean;
  /** Sessions and sign-in (auth/auth-config.ts). */
  readonly auth: AuthConfig;
  /** What executes GraphQL operations (GRAPHQL_EXECUTOR): graphql-jit, the default, or graphql-js (graphql/jit-executor.ts). */
  readonly executor: ExecutorKind;
}

/** Reads the server configuration from the environment, once, validated and frozen. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as ServerConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be debug, info, warn, error or silent, got "${env.LOG_LEVEL}"`);
  }
  const executor = (env.GRAPHQL_EXECUTOR?.trim() || 'jit') as ExecutorKind;
  if (executor !== 'jit' && executor !== 'graphql-js') {
    throw new ConfigError(`GRAPHQL_EXECUTOR must be jit or graphql-js, got "${env.GRAPHQL_EXECUTOR}"`);
  }
  const db = loadDbConfig(env);
  return Object.freeze({
    port: intVar(env, 'PORT', 4000, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    db,
    maxPageSize: intVar(env, 'MAX_PAGE_SIZE', 500, 1, 10_000),
    logLevel,
    dashboardDir: env.DASHBOARD_DIR?.trim() || path.join(REPOSITORY_ROOT, 'dashboard/dist'),
    statisticsInterval: intVar(env, 'STATISTICS_INTERVAL', 600, 0, 86_400),
    rollupInterval: intVar(env, 'ROLLUP_INTERVAL', 60, 0, 86_400),
    // The embedded database has one connection, which each background build would hold; its
    // demo-scale matrices build in well under a second on request.
    dominoWarmInterval: intVar(env, 'DOMINO_WARM_INTERVAL', db.target.engine === 'pglite' ? 0 : 2, 0, 86_400),
    shutdownTimeoutMs: intVar(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    shutdownDelayMs: intVar(env, 'SHUTDOWN_DELAY_MS', 0, 0, 600_000),
    limits: loadLimitsConfig(env),
    production: env.NODE_ENV === 'production',
    auth: loadAuthConfig(env),
    executor,
    importDir: env.IMPORT_DIR?.trim() || path.join(os.tmpdir(), 'jejaring-imports'),
    maxUploadBytes: intVar(env, 'MAX_UPLOAD_MB', 2048, 1, 100_000) * 1024 * 1024,
  });
}
