import fs from 'node:fs';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { Database, DatabaseHandle } from '@jejaring/db';
import express from 'express';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { admitAnalytics } from './analytics/admission.ts';
import { PUBLIC_ACTOR } from './auth/actor.ts';
import { CredentialCache } from './auth/credential-cache.ts';
import { actorInRegency, resolveActor, writeSessionCookie } from './auth/credentials.ts';
import { personalDataAudit } from './auth/personal-data.ts';
import type { ServerConfig } from './config.ts';
import type { Context } from './context.ts';
import { formatError } from './errors.ts';
import { executorGateway } from './graphql/jit-executor.ts';
import { AbandonedRequestPlugin, currentRequest, requestIdOf, requestScope } from './http/deadline.ts';
import { EXPLORER_BUILDING } from './http/explorer-building.ts';
import { corsFor, errorHandler, jsonBody, notFound, securityHeaders } from './http/guard.ts';
import { limitsPlugin } from './http/limits-plugin.ts';
import { PersistedOperations } from './http/persisted.ts';
import { RateLimiter } from './http/rate-limit.ts';
import { ReadRouting } from './http/read-routing.ts';
import { readiness } from './http/readiness.ts';
import { RegencyDirectory } from './http/regency.ts';
import { requestPlugin } from './http/request-plugin.ts';
import { exportDownload } from './modules/import/export-download.ts';
import { importUpload } from './modules/import/import-upload.ts';
import { getSchema } from './schema.ts';

export interface App {
  readonly express: express.Express;
  /**
   * The database as the requests use it (with the app's plugins and its analytics admission): the
   * handle for background work whose results requests share in memory (the domino warmer).
   */
  readonly db: Kysely<Database>;
  /** Shutting down: /readyz answers 503 from now on, so a load balancer sends no new traffic. */
  drain(): void;
  stop(): Promise<void>;
}

/**
 * The HTTP application: /graphql, /healthz, /readyz and the built dashboard. Stateless: every
 * request gets its own context and DataLoaders, so any number of instances can run side by side.
 */
export async function createApp(options: {
  config: ServerConfig;
  database: DatabaseHandle;
  logger: Logger;
}): Promise<App> {
  const { config, database, logger } = options;
  const { limits } = config;
  // Statements of API requests: none starts once its request is abandoned, and on PostgreSQL each
  // runs under statement_timeout and is cancelled with its request (http/deadline.ts).
  database.guardRequests?.({
    statementTimeoutMs: limits.statementTimeoutMs,
    scope: () => currentRequest()?.signal,
  });
  const db = database.db.withPlugin(new AbandonedRequestPlugin());
  // With a read replica: queries read it, the rest uses the primary (http/read-routing.ts).
  const routing = database.replica ? new ReadRouting(database.replica, logger) : null;
  admitAnalytics(db, {
    concurrency: limits.analyticsConcurrency,
    queueMs: limits.analyticsQueueMs,
    workMemMb: limits.analyticsWorkMemMb,
  });
  const rateLimiter = new RateLimiter(limits.rateLimit);
  // Sign-in attempts: each costs a memory-hard hash, so a budget of their own per address.
  const loginLimiter = new RateLimiter({ ...limits.rateLimit, burst: Math.max(1, config.auth.loginPerMinute) });
  // Records read with personal data unmasked, per account: paging through the registry's owners is slowed.
  const personalPerMinute = config.auth.personalDataPerMinute;
  const personalLimiter = new RateLimiter({ ...limits.rateLimit, burst: Math.max(1, personalPerMinute) });
  // Each request names its regency (tenant) in a header; http/regency.ts checks it is held here.
  const regencies = new RegencyDirectory(database.db, config.db.tenant);
  // Credentials found valid, trusted for CREDENTIAL_CACHE_MS without a lookup statement (auth/credential-cache.ts).
  const credentials = new CredentialCache(config.auth.credentialCacheMs);
  let draining = false;
  const persisted = new PersistedOperations(limits.persistedOperationsFile);
  if (limits.persistedOnlyForPublic && persisted.size === 0) {
    logger.warn(
      { file: limits.persistedOperationsFile },
      'no registered operations: anonymous clients can run nothing',
    );
  }
  const apollo = new ApolloServer<Context>({
    // Operations compiled by graphql-jit, once per parsed document (graphql/jit-executor.ts), unless
    // GRAPHQL_EXECUTOR=graphql-js.
    gateway: executorGateway(await getSchema(), config.executor),
    formatError,
    includeStacktraceInErrorResponses: false,
    // The explorer and analysts' tools need the schema, in production too (Apollo's default turns
    // introspection off when NODE_ENV=production).
    introspection: true,
    // Compact JSON: Apollo pretty-prints by default, which costs CPU and bytes on every response.
    stringifyResult: (result) => JSON.stringify(result),
    // Tokens are counted while parsing: a huge document is refused before it is built.
    parseOptions: { maxTokens: limits.maxTokens },
    // No "Did you mean …?" in validation errors: they let anyone map the schema by guessing.
    hideSchemaDetailsFromClientErrors: true,
    allowBatchedHttpRequests: false,
    persistedQueries: { cache: persisted },
    // serve.ts handles SIGINT/SIGTERM (HTTP server, statistics keeper, Apollo, database, in that
    // order). Apollo's own handlers (on unless NODE_ENV=test) stopped it a second time, concurrently,
    // and re-raised the signal into ours: the process never exited.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      requestPlugin(),
      limitsPlugin(limits, config.maxPageSize, persisted),
      personalDataAudit(),
      ...(routing ? [routing.plugin()] : []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // No ETag on JSON answers: Express would hash every GraphQL answer (SHA-1 over the whole body) for
  // a conditional GET nobody makes (the API answers POSTs; the dashboard's files keep theirs).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get(
    '/readyz',
    readiness(database, () => draining),
  );

  app.use(
    '/graphql',
    requestScope(limits.requestTimeoutMs, logger),
    corsFor(limits.corsOrigins),
    jsonBody(limits.maxBodyBytes),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ip = req.ip ?? '';
        let resolved: Awaited<ReturnType<typeof resolveActor>>;
        let tenantId: string;
        try {
          tenantId = await regencies.of(req);
          resolved = await resolveActor(db, req, config.auth, credentials);
        } catch (error) {
          // A refused credential or regency names no client: it spends the address's budget.
          rateLimiter.check({ actor: PUBLIC_ACTOR }, ip);
          throw error;
        }
        if (resolved.staleCookie) writeSessionCookie(req, res, config.auth, null);
        // An account acts on its own regency; in another it reads as PUBLIC does (auth/credentials.ts).
        const actor = actorInRegency(resolved.actor, tenantId);
        const ctx = {
          db,
          tenantId,
          requestId: requestIdOf(res),
          config,
          logger,
          loaders: new Map(),
          actor,
          http: {
            setSessionCookie: (token) => writeSessionCookie(req, res, config.auth, token),
            takeLoginAttempt: () => loginLimiter.check({ actor: PUBLIC_ACTOR }, ip, config.auth.loginPerMinute),
            takePersonalRead: () => personalLimiter.takeOrThrow(`user:${actor.userId}`, personalPerMinute),
            forgetCredentials: () => credentials.clear(),
          },
        } satisfies Context;
        rateLimiter.check(ctx, ip);
        return ctx;
      },
    }),
  );

  /**
   * The actor of a plain HTTP request (upload, download), from the same credentials as /graphql.
   * These routes act on the account's own regency (signed-in only): no regency header.
   */
  const actorOf = async (req: express.Request) =>
    (await resolveActor(database.db, req, config.auth, credentials)).actor;
  // Uploads are long: no request deadline; the body streams to disk (modules/import/import-upload.ts).
  app.post(
    '/imports',
    corsFor(limits.corsOrigins),
    importUpload({
      db: database.db,
      dir: config.importDir,
      maxBytes: config.maxUploadBytes,
      logger,
      actorOf,
      // The uploader's next importJob(id) reads the primary until the replica has the new job.
      ...(routing ? { afterWrite: async (req: express.Request) => routing.wrote(await actorOf(req)) } : {}),
    }),
  );

  app.get(
    ['/exports/bundle.zip', '/exports/bundle.xlsx'],
    corsFor(limits.corsOrigins),
    exportDownload({
      db: database.db,
      dir: config.importDir,
      logger,
      actorOf,
    }),
  );

  const dashboard = config.dashboardDir;
  if (fs.existsSync(path.join(dashboard, 'index.html'))) {
    app.use(express.static(dashboard, { index: false, maxAge: '1h' }));
    const explorerHtml = path.join(dashboard, 'explorer.html');
    // `pnpm start` builds the explorer after the dashboard, while the server already answers.
    app.get('/explorer', (_req, res) => {
      if (fs.existsSync(explorerHtml)) return res.sendFile(explorerHtml);
      res.status(503).set({ 'Retry-After': '5', 'Cache-Control': 'no-store' }).type('html').send(EXPLORER_BUILDING);
    });
    // Client-side routes: every other GET that accepts HTML gets the app shell.
    app.get(/^\/(?!graphql|healthz|readyz|exports\/).*/, (req, res, next) => {
      if (!req.accepts('html')) return next();
      res.sendFile(path.join(dashboard, 'index.html'));
    });
  } else {
    app.get('/', (_req, res) => {
      res
        .type('text')
        .send('Jejaring API is running. The dashboard is not built: run pnpm build. GraphQL endpoint: /graphql\n');
    });
  }

  app.use(notFound());
  app.use(errorHandler(logger));

  return {
    express: app,
    db,
    drain() {
      draining = true;
    },
    async stop() {
      await apollo.stop();
    },
  };
}
