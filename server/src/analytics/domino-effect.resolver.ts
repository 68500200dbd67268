import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { badInput } from '../errors.ts';
import { dominoEffect, MAX_ROUNDS } from './domino-effect.sql.ts';
import { DominoEffect } from './domino-effect.types.ts';
import { SpendFilter } from './spend-filter.input.ts';
import { resolveSpendScope } from './spend-scope.queries.ts';

@Resolver(() => DominoEffect)
export class DominoEffectResolver {
  @Query(() => DominoEffect, {
    description:
      'The re-spending cascade of the scoped government spending at local UMKM: round by round, how much the receivers spent on at other local businesses (in proportion to their revenue), the LM3 multiplier and its limit (docs/metrics.md "Re-spending rounds").',
  })
  async dominoEffect(
    @Ctx() ctx: Context,
    @Arg('filter', () => SpendFilter, { nullable: true }) filter?: SpendFilter | null,
    @Arg('rounds', () => Int, {
      nullable: true,
      defaultValue: 3,
      description: 'How many rounds to list, 1 to 20 (3 gives LM3).',
    })
    rounds?: number | null,
  ): Promise<DominoEffect> {
    const n = rounds ?? 3;
    if (!Number.isInteger(n) || n < 1 || n > MAX_ROUNDS) {
      throw badInput('rounds', {
        id: `harus 1 sampai ${MAX_ROUNDS}, tertulis ${n}`,
        en: `must be from 1 to ${MAX_ROUNDS}, got ${n}`,
      });
    }
    return dominoEffect(ctx.db, await resolveSpendScope(ctx.db, ctx.tenantId, filter), n, {
      matrix: ({ source, period, version, bytes, ms }) => {
        if (source !== 'memory') {
          ctx.logger.info(
            { requestId: ctx.requestId, source, period, version, bytes, ms: Math.round(ms) },
            source === 'built' ? 'domino matrix built and stored' : 'domino matrix read from the store',
          );
        }
      },
      storeFailed: (error) =>
        ctx.logger.warn({ requestId: ctx.requestId, err: error }, 'domino matrix not stored (answered from memory)'),
      holdFailed: (error) =>
        ctx.logger.warn(
          { requestId: ctx.requestId, err: error },
          'domino matrix parts not held after a read from the store',
        ),
    });
  }
}
