import path from 'node:path';
import { REPOSITORY_ROOT } from './paths.ts';

/** Where the data lives: an embedded PGlite directory (the default) or a PostgreSQL server. */
export type DatabaseTarget = { readonly engine: 'pglite'; readonly dir: string } | PostgresTarget;

export interface PostgresTarget {
  readonly engine: 'postgres';
  readonly url: string;
  readonly readUrl?: string;
  /**
   * At most this many named prepared statements per connection, for the statements a query module
   * marks (prepared-statements.ts; PG_PREPARED_STATEMENTS); 0 sends every statement unnamed.
   * Unset: DEFAULT_PREPARED_LIMIT.
   */
  readonly preparedStatements?: number;
}

export interface DbConfig {
  readonly target: DatabaseTarget;
  /** The regency code (tenant id) that imports and queries act on, e.g. `61.12`. */
  readonly tenant: string;
  /**
   * The synthetic demo dataset on start: `auto` loads it into an empty embedded (PGlite) database
   * only; `on` into an empty tenant on either engine; `off` never. Never into a tenant with data.
   */
  readonly demoData: 'auto' | 'on' | 'off';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const DEFAULT_PGLITE_DIR = path.join(REPOSITORY_ROOT, '.data/pglite');

const TENANT_PATTERN = /^[0-9]{2}\.[0-9]{2}$/;

/** Parses a PostgreSQL URL, throwing a ConfigError that names the variable when it is not one. */
export function parsePostgresUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} is not a valid URL (expected postgres://user@host:5432/database)`);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`${name} must start with postgres:// or postgresql://, got ${url.protocol}//`);
  }
  if (!url.hostname && !url.searchParams.get('host')) {
    throw new ConfigError(`${name} names no host (expected postgres://user@host:5432/database)`);
  }
  if (url.pathname.length <= 1) {
    throw new ConfigError(`${name} names no database (expected postgres://user@host:5432/database)`);
  }
  return value;
}

/**
 * Reads the database configuration from the environment, once, and validates it.
 *
 * @example
 * const config = loadDbConfig(process.env); // PGlite in ./.data/pglite unless DATABASE_URL is set
 */
export function loadDbConfig(env: NodeJS.ProcessEnv = process.env, cwd = env.INIT_CWD || process.cwd()): DbConfig {
  const tenant = env.TENANT?.trim() || '61.12';
  if (!TENANT_PATTERN.test(tenant)) {
    throw new ConfigError(`TENANT must be a regency code like 61.12, got "${tenant}"`);
  }
  const demo = (env.DEMO_DATA?.trim() || 'auto').toLowerCase();
  if (demo !== 'auto' && demo !== 'on' && demo !== 'off') {
    throw new ConfigError(`DEMO_DATA must be "auto", "on" or "off", got "${env.DEMO_DATA}"`);
  }
  const url = env.DATABASE_URL?.trim();
  const readUrl = env.DATABASE_READ_URL?.trim();
  let target: DatabaseTarget;
  const prepared = env.PG_PREPARED_STATEMENTS?.trim();
  if (prepared && !/^[0-9]{1,6}$/.test(prepared)) {
    throw new ConfigError(
      `PG_PREPARED_STATEMENTS must be a whole number (named statements per connection, 0 for none), got "${prepared}"`,
    );
  }
  if (url) {
    target = {
      engine: 'postgres',
      url: parsePostgresUrl('DATABASE_URL', url),
      ...(readUrl ? { readUrl: parsePostgresUrl('DATABASE_READ_URL', readUrl) } : {}),
      ...(prepared ? { preparedStatements: Number(prepared) } : {}),
    };
  } else {
    if (readUrl) {
      throw new ConfigError('DATABASE_READ_URL names a PostgreSQL read replica: it needs DATABASE_URL (the primary)');
    }
    // A relative PGLITE_DIR is relative to where the command was typed (pnpm runs a package's
    // scripts in its own folder but keeps the caller's folder in INIT_CWD); the default is the
    // repository's .data/pglite, so `pnpm start` and `pnpm cli` share one database.
    const dir = env.PGLITE_DIR?.trim();
    target = { engine: 'pglite', dir: dir ? path.resolve(cwd, dir) : DEFAULT_PGLITE_DIR };
  }
  return Object.freeze({ target, tenant, demoData: demo });
}
