import path from 'node:path';
import { ConfigError, REPOSITORY_ROOT } from '@jejaring/db';
import { DEFAULT_WORK_MEM_MB } from '../analytics/admission.ts';
import { boolVar, intVar, listVar } from '../env.ts';

/**
 * What protects the API from expensive or abusive requests (docs/limits.md). Every
 * value has an environment variable; the defaults protect a server open to the internet and leave
 * the dashboard's normal use far below every limit.
 */
export interface LimitsConfig {
  /** Milliseconds a request may take before it is answered 503 REQUEST_TIMEOUT and its database work cancelled. */
  readonly requestTimeoutMs: number;
  /** PostgreSQL statement_timeout for statements of API requests, in milliseconds (0: none). */
  readonly statementTimeoutMs: number;
  /** Largest request body, in bytes. */
  readonly maxBodyBytes: number;
  /** Deepest nesting of fields in an operation. */
  readonly maxDepth: number;
  /** Most aliased fields in one operation. */
  readonly maxAliases: number;
  /** Most lexical tokens in a document (checked while parsing). */
  readonly maxTokens: number;
  /** Highest cost of an operation (docs/limits.md: every field that reads the database costs at least 1). */
  readonly maxCost: number;
  /** Analytic statements running at once per instance; more wait in a queue. */
  readonly analyticsConcurrency: number;
  /** Milliseconds a request may wait for an analytics slot before it is answered 503 BUSY. */
  readonly analyticsQueueMs: number;
  /** work_mem of one analytic statement, in megabytes. */
  readonly analyticsWorkMemMb: number;
  /** Requests per minute (token bucket: the bucket holds `burst`, refills at this rate), per client. */
  readonly rateLimit: {
    readonly anonymousPerMinute: number;
    readonly userPerMinute: number;
    readonly apiKeyPerMinute: number;
    readonly burst: number;
    /** Client addresses no limit applies to (e.g. a load balancer's health checks, local tests). */
    readonly exempt: ReadonlySet<string>;
  };
  /** true: PUBLIC may only run the dashboard's registered operations (persisted by hash). */
  readonly persistedOnlyForPublic: boolean;
  /** The registered operations (hash → text), written when the dashboard is built. */
  readonly persistedOperationsFile: string;
  /** Who may introspect the schema: everyone, or only signed-in users and API keys (not PUBLIC). */
  readonly introspection: 'everyone' | 'signed-in';
  /** Origins allowed to call the API from a browser (CORS); empty: same origin only. */
  readonly corsOrigins: readonly string[];
}

export function loadLimitsConfig(env: NodeJS.ProcessEnv): LimitsConfig {
  const requestTimeoutMs = intVar(env, 'REQUEST_TIMEOUT_MS', 15_000, 100, 600_000);
  const introspection = (env.INTROSPECTION?.trim() || 'everyone').toLowerCase();
  if (introspection !== 'everyone' && introspection !== 'signed-in') {
    throw new ConfigError(`INTROSPECTION must be "everyone" or "signed-in", got "${env.INTROSPECTION}"`);
  }
  const origins = listVar(env, 'CORS_ORIGINS');
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || parsed.origin !== origin)
      throw new ConfigError(`CORS_ORIGINS must list origins like https://data.example.go.id, got "${origin}"`);
  }
  return Object.freeze({
    requestTimeoutMs,
    statementTimeoutMs: intVar(env, 'STATEMENT_TIMEOUT_MS', requestTimeoutMs, 0, 600_000),
    maxBodyBytes: intVar(env, 'MAX_BODY_BYTES', 1_000_000, 1_000, 100_000_000),
    maxDepth: intVar(env, 'MAX_QUERY_DEPTH', 12, 2, 100),
    maxAliases: intVar(env, 'MAX_QUERY_ALIASES', 30, 0, 10_000),
    maxTokens: intVar(env, 'MAX_QUERY_TOKENS', 5_000, 100, 1_000_000),
    maxCost: intVar(env, 'MAX_QUERY_COST', 50_000, 10, 10_000_000),
    analyticsConcurrency: intVar(env, 'ANALYTICS_CONCURRENCY', 4, 1, 256),
    analyticsQueueMs: intVar(env, 'ANALYTICS_QUEUE_MS', 10_000, 0, 600_000),
    analyticsWorkMemMb: intVar(env, 'ANALYTICS_WORK_MEM_MB', DEFAULT_WORK_MEM_MB, 1, 4096),
    rateLimit: Object.freeze({
      anonymousPerMinute: intVar(env, 'RATE_LIMIT_ANONYMOUS', 300, 0, 10_000_000),
      userPerMinute: intVar(env, 'RATE_LIMIT_USER', 1_200, 0, 10_000_000),
      apiKeyPerMinute: intVar(env, 'RATE_LIMIT_API_KEY', 600, 0, 10_000_000),
      burst: intVar(env, 'RATE_LIMIT_BURST', 60, 1, 10_000_000),
      exempt: new Set(listVar(env, 'RATE_LIMIT_EXEMPT')),
    }),
    persistedOnlyForPublic: boolVar(env, 'PERSISTED_ONLY_FOR_PUBLIC', false),
    persistedOperationsFile:
      env.PERSISTED_OPERATIONS?.trim() || path.join(REPOSITORY_ROOT, 'schema/operations/persisted.json'),
    introspection,
    corsOrigins: Object.freeze(origins),
  });
}
