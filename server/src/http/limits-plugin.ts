import type { ApolloServerPlugin } from '@apollo/server';
import { PUBLIC_ROLE } from '@jejaring/db/enums';
import type { Context } from '../context.ts';
import { limitError } from './http-errors.ts';
import type { LimitsConfig } from './limits-config.ts';
import type { PersistedOperations } from './persisted.ts';
import { FragmentCycleError, measureOperation } from './query-limits.ts';

/** Is the request made by someone signed in (a session or an API key) rather than PUBLIC? */
export function isSignedIn(ctx: Context): boolean {
  return ctx.actor.role !== PUBLIC_ROLE;
}

/**
 * Refuses, before anything runs, operations nested too deep, with too many aliases or costing too
 * much (query-limits.ts), naming the limit, its value and the operation's measure (400
 * QUERY_TOO_COMPLEX); introspection by PUBLIC when INTROSPECTION=signed-in (403 FORBIDDEN); and
 * for PUBLIC any unregistered operation when PERSISTED_ONLY_FOR_PUBLIC (400 PERSISTED_QUERY_REQUIRED).
 */
export function limitsPlugin(
  limits: LimitsConfig,
  maxPageSize: number,
  persisted: PersistedOperations,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue, queryHash }) {
          if (!operation) return;
          let shape: ReturnType<typeof measureOperation>;
          try {
            shape = measureOperation(schema, document, operation, request.variables ?? {}, { maxPageSize });
          } catch (error) {
            if (error instanceof FragmentCycleError) {
              throw limitError('QUERY_TOO_COMPLEX', `${error.message}: fragments may not form cycles.`, 400, {
                details: { limit: 'fragments' },
              });
            }
            throw error;
          }
          if (shape.introspection && limits.introspection === 'signed-in' && !isSignedIn(contextValue)) {
            throw limitError('FORBIDDEN', 'Introspection is available to signed-in users and API keys only.', 403, {
              details: { limit: 'introspection' },
            });
          }
          if (limits.persistedOnlyForPublic && !isSignedIn(contextValue) && !persisted.has(queryHash)) {
            throw limitError(
              'PERSISTED_QUERY_REQUIRED',
              "Without signing in, only the dashboard's registered operations may run. Use an API key for other queries.",
              400,
            );
          }
          const refuse = (limit: string, max: number, actual: number, advice: string) =>
            limitError(
              'QUERY_TOO_COMPLEX',
              `The operation's ${limit} is ${actual}; the limit is ${max}. ${advice}`,
              400,
              {
                details: { limit, max, actual },
              },
            );
          if (shape.depth > limits.maxDepth) {
            throw refuse('depth', limits.maxDepth, shape.depth, 'Split it into several queries.');
          }
          if (shape.aliases > limits.maxAliases) {
            throw refuse('aliases', limits.maxAliases, shape.aliases, 'Use fewer aliased fields, or several requests.');
          }
          if (shape.cost > limits.maxCost) {
            throw refuse(
              'cost',
              limits.maxCost,
              shape.cost,
              'Ask for smaller pages (first/last) in nested lists, fewer fields that run queries, or split the query.',
            );
          }
        },
      };
    },
  };
}
