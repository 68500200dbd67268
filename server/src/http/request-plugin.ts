import type { ApolloServerPlugin } from '@apollo/server';
import { isConnectionFailure, isStorageFull } from '@jejaring/db';
import type { Context } from '../context.ts';
import { isClientError, UNAVAILABLE_RETRY_SECONDS } from '../errors.ts';

/**
 * One structured log line per GraphQL request (operation, duration, status, request id); unknown
 * errors are logged in full, and the masked error the client sees carries the request id so a
 * support question can be matched with the log.
 */
export function requestPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      let failed = false;
      let unavailable = false;
      let storageFull = false;
      return {
        async didEncounterErrors({ errors, contextValue: ctx }) {
          for (const error of errors) {
            if (isConnectionFailure(error)) {
              if (!unavailable) {
                ctx.logger.warn(
                  { requestId: ctx.requestId, err: error.originalError ?? error },
                  'database unavailable',
                );
              }
              unavailable = true;
              continue;
            }
            if (isStorageFull(error)) {
              // The operator must act: logged as an error, answered 507 STORAGE_FULL.
              storageFull = true;
              ctx.logger.error({ requestId: ctx.requestId, err: error.originalError ?? error }, 'disk full');
              continue;
            }
            if (isClientError(error)) continue;
            failed = true;
            ctx.logger.error(
              { requestId: ctx.requestId, err: error.originalError ?? error, path: error.path },
              'internal error',
            );
          }
        },
        async willSendResponse({ response, operationName, errors }) {
          if (unavailable) {
            // The database connection was lost or refused: the same request succeeds once it is back.
            response.http.status = 503;
            response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_SECONDS));
          } else if (storageFull) {
            response.http.status = 507; // Insufficient Storage
          }
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) {
              if (
                error.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
                error.extensions?.code === 'SERVICE_UNAVAILABLE' ||
                error.extensions?.code === 'STORAGE_FULL'
              ) {
                (error.extensions as Record<string, unknown>).requestId = contextValue.requestId;
              }
            }
          }
          contextValue.logger.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              status: unavailable
                ? 'unavailable'
                : storageFull
                  ? 'storage_full'
                  : failed
                    ? 'error'
                    : errors?.length
                      ? 'user_error'
                      : 'ok',
              httpStatus: response.http.status ?? 200,
            },
            'graphql',
          );
        },
      };
    },
  };
}
