import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.ts';
import { DateScalar } from '../graphql/scalars.ts';
import { recoveryIndex } from './recovery-index.sql.ts';
import { RecoveryGroup, RecoverySeries } from './recovery-index.types.ts';

@Resolver(() => RecoverySeries)
export class RecoveryIndexResolver {
  @Query(() => [RecoverySeries], {
    description:
      'UMKM revenue against the pre-pandemic baseline, month by month and per group: 100 · the panel\'s revenue / the panel\'s baseline-year mean revenue, with the share still active (docs/metrics-outcomes.md "Recovery index").',
  })
  async recoveryIndex(
    @Ctx() ctx: Context,
    @Arg('groupBy', () => RecoveryGroup) groupBy: RecoveryGroup,
    @Arg('from', () => DateScalar, {
      nullable: true,
      description: 'First month (the month of this day); open: the first snapshot.',
    })
    from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last day; open: the last snapshot.' }) to?:
      | string
      | null,
    @Arg('baselineYear', () => Int, {
      nullable: true,
      defaultValue: 2019,
      description: 'The year whose mean monthly revenue is 100.',
    })
    baselineYear?: number | null,
  ): Promise<RecoverySeries[]> {
    return recoveryIndex(ctx.db, ctx.tenantId, groupBy, from ?? null, to ?? null, baselineYear ?? 2019);
  }
}
