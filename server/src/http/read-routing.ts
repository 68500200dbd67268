import type { ApolloServerPlugin } from '@apollo/server';
import type { ReadReplica, ReadTarget } from '@jejaring/db';
import type { Logger } from 'pino';
import type { Actor } from '../auth/actor.ts';
import type { Context } from '../context.ts';
import { currentRequest, type RequestScope } from './deadline.ts';

/**
 * Which database a request reads, when a read replica is configured (DATABASE_READ_URL,
 * docs/scale-out.md):
 *
 * - the execution of a GraphQL query (lists, records, measures) reads the replica;
 * - everything else reads and writes the primary: mutations (and the objects they answer with),
 *   resolving the credentials (sessions, API keys), the personal-data audit written after a query
 *   (it runs once the execution has ended), uploads, exports, migrations, the statistics keeper;
 * - read-your-writes: after a mutation (or an upload) by an account, the primary's WAL position is
 *   kept for that account, and its queries read the primary until the replica has replayed that
 *   position (db/src/read-replica.ts reads the replica's position at most every 100 ms). The
 *   positions live in this process: a caller whose requests are spread over several instances
 *   needs sticky sessions for this guarantee (docs/scale-out.md).
 *
 * The replica going away is handled below this, in the pool: reads then run on the primary.
 */
export class ReadRouting {
  /** Per account: the primary's WAL position after its latest write, until the replica has replayed it. */
  private readonly pending = new Map<number, string>();
  /** Requests whose query is executing on the replica now. */
  private readonly readingReplica = new WeakSet<RequestScope>();

  constructor(
    private readonly replica: ReadReplica,
    private readonly logger: Logger,
  ) {
    replica.routeBy(() => {
      const scope = currentRequest();
      return scope && this.readingReplica.has(scope) ? 'replica' : 'primary';
    });
  }

  /** Keeps the primary's WAL position for the account that just wrote (call after the commit). */
  async wrote(actor: Actor): Promise<void> {
    const userId = actor.userId;
    if (userId === undefined) return;
    try {
      this.pending.set(userId, await this.replica.primaryPosition());
    } catch (error) {
      this.logger.warn(
        { err: error, userId },
        'the primary WAL position after a write could not be read: this account may not see its write at once',
      );
    }
  }

  /** Where the queries of `actor` read now: the replica, unless it has not replayed the actor's latest write. */
  async readsFor(actor: Actor): Promise<ReadTarget> {
    const userId = actor.userId;
    const position = userId === undefined ? undefined : this.pending.get(userId);
    if (userId === undefined || position === undefined) return 'replica';
    if (!(await this.replica.hasReplayed(position))) return 'primary';
    if (this.pending.get(userId) === position) this.pending.delete(userId);
    return 'replica';
  }

  /** The Apollo plugin that routes each query's execution and notes each mutation's writes. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => {
        const scope = currentRequest();
        return {
          didResolveOperation: async ({ operation, contextValue }) => {
            if (scope && operation?.operation === 'query' && (await this.readsFor(contextValue.actor)) === 'replica') {
              this.readingReplica.add(scope);
            }
          },
          executionDidStart: async () => ({
            executionDidEnd: async () => {
              if (scope) this.readingReplica.delete(scope);
            },
          }),
          willSendResponse: async ({ operation, contextValue }) => {
            if (scope) this.readingReplica.delete(scope);
            if (operation?.operation === 'mutation') await this.wrote(contextValue.actor);
          },
        };
      },
    };
  }
}
