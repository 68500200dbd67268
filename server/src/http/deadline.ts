import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import type { Logger } from 'pino';
import { errorBody } from './http-errors.ts';

/**
 * The request an API call belongs to, carried through every await of its handling
 * (AsyncLocalStorage): its id, and a signal that fires when it is abandoned, because its deadline
 * passed or its client went away. The database layer reads it to set statement_timeout and to
 * cancel the running statements of an abandoned request (db/src/request-guard.ts); the Kysely
 * plugin below refuses to start new ones.
 */
export interface RequestScope {
  readonly requestId: string;
  readonly signal: AbortSignal;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** The request being handled now, if any. */
export const currentRequest = (): RequestScope | undefined => storage.getStore();

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of the request `res` answers (set by requestScope). */
export const requestIdOf = (res: Response): string => res.locals.requestId as string;

/** Why a request was abandoned: its deadline passed, or its client closed the connection. */
/**
 * Runs `fn` outside any request: work it starts (an import job) outlives the request, so it must
 * not be cancelled with it nor get the request's statement timeout.
 */
export function outsideRequest<T>(fn: () => T): T {
  return storage.exit(fn);
}

export class RequestAbandoned extends GraphQLError {
  constructor(reason: 'deadline' | 'client-gone', timeoutMs: number) {
    super(
      reason === 'deadline'
        ? `The request took longer than ${timeoutMs / 1000} s and was stopped. Narrow the query (filters, smaller pages) or try again later.`
        : 'The client closed the connection; the request was stopped.',
      { extensions: { code: 'REQUEST_TIMEOUT', http: { status: 503 } } },
    );
  }
}

/**
 * Express middleware giving each request an id (the caller's X-Request-Id when well-formed, echoed
 * back) and a deadline: when it passes before the answer is sent, the request is answered 503
 * REQUEST_TIMEOUT and its database work cancelled; when the client goes away first, the work is
 * cancelled too.
 */
export function requestScope(timeoutMs: number, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-request-id');
    const requestId = header && REQUEST_ID.test(header) ? header : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('X-Request-Id', requestId);
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort(new RequestAbandoned('deadline', timeoutMs));
      logger.warn({ requestId, timeoutMs }, 'request deadline passed');
      if (!res.headersSent) {
        res
          .status(503)
          .set('Retry-After', '10')
          .json(errorBody('REQUEST_TIMEOUT', (controller.signal.reason as Error).message, { requestId }));
      }
    }, timeoutMs);
    timer.unref();
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished && !controller.signal.aborted) {
        controller.abort(new RequestAbandoned('client-gone', timeoutMs));
      }
    });
    storage.run({ requestId, signal: controller.signal }, next);
  };
}

/**
 * Refuses to start a statement for a request that has been abandoned, on either engine (PGlite
 * cannot interrupt a statement that is running: it runs on this thread).
 */
export class AbandonedRequestPlugin implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    currentRequest()?.signal.throwIfAborted();
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
