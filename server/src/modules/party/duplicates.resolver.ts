import { Arg, Authorized, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { regionCode } from '../../graphql/filters.ts';
import { findLikelyDuplicatePairs } from './duplicates.queries.ts';
import { partyById } from './party.loaders.ts';
import { Enterprise } from './party.types.ts';

/** The most pairs one request lists. */
export const MAX_DUPLICATE_PAIRS = 200;

@ObjectType('LikelyDuplicatePair', { description: 'Two enterprises that are probably one business.' })
export class LikelyDuplicatePair {
  @Field(() => Float, { description: 'pg_trgm similarity of the two names, 0.6 to 1.' })
  similarity!: number;

  @Field(() => Enterprise, { description: 'The one stored first.' })
  earlier!: Enterprise;

  @Field(() => Enterprise, { description: 'The one stored later.' })
  later!: Enterprise;
}

@ObjectType('LikelyDuplicates', { description: 'Pairs of likely duplicate enterprises, most similar first.' })
export class LikelyDuplicates {
  @Field(() => Int, { description: 'Pairs in all (the list holds the first `first`).' })
  totalCount!: number;

  @Field(() => [LikelyDuplicatePair])
  pairs!: LikelyDuplicatePair[];
}

@Resolver()
export class DuplicatesResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Query(() => LikelyDuplicates, {
    description:
      'Pairs of enterprises with the same region code (a village) whose names are very similar (pg_trgm similarity ≥ 0.6, as the LIKELY_DUPLICATE warning of registerEnterprise), neither REJECTED: probably one business registered twice, to merge with mergeParties (docs/data-entry.md "Likely duplicates"). Most similar first. OPERATOR and ADMIN.',
  })
  async likelyDuplicates(
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only enterprises in this region or inside it (a kecamatan "61.12.01", a village…).',
    })
    region: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: `How many pairs to list, 1 to ${MAX_DUPLICATE_PAIRS}.` })
    first: number,
    @Ctx() ctx: Context,
  ): Promise<LikelyDuplicates> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_DUPLICATE_PAIRS) {
      throw badInput('first', {
        id: `first harus 1 sampai ${MAX_DUPLICATE_PAIRS}, tertulis ${first}`,
        en: `first must be 1 to ${MAX_DUPLICATE_PAIRS}, got ${first}`,
      });
    }
    const code = regionCode(region, 'regionCode');
    const found = await findLikelyDuplicatePairs(ctx.db, ctx.tenantId, { regionCode: code, limit: first });
    const parties = partyById(ctx);
    const pairs = await Promise.all(
      found.pairs.map(async (p) => ({
        similarity: p.similarity,
        earlier: (await parties.load(p.earlier_id)) as Enterprise,
        later: (await parties.load(p.later_id)) as Enterprise,
      })),
    );
    return { totalCount: found.total, pairs };
  }
}
