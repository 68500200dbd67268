import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.ts';
import { PolicyMetric } from '../../graphql/enums.ts';
import { globalIds, oneOf, regionCode, wholeNumber } from '../../graphql/filters.ts';
import { partyById } from '../party/party.loaders.ts';
import { Agency } from '../party/party.types.ts';
import { regionByCode } from '../region/region.loaders.ts';
import { Region } from '../region/region.types.ts';
import { toPolicyTarget } from './target.loaders.ts';
import { findCollectionTargets, findPolicyTargets } from './target.queries.ts';
import { CollectionTarget, PolicyTarget } from './target.types.ts';

@Resolver(() => PolicyTarget)
export class PolicyTargetResolver {
  @Query(() => [PolicyTarget], {
    description:
      'Policy targets (local-UMKM share, UMK share), by fiscal year and metric, regency-wide targets before agency targets.',
  })
  async policyTargets(
    @Arg('fiscalYears', () => [Int], { nullable: true, description: 'Only these fiscal years.' }) fiscalYears:
      | number[]
      | null,
    @Arg('metrics', () => [PolicyMetric], { nullable: true, description: 'Only these metrics.' }) metrics:
      | PolicyMetric[]
      | null,
    @Arg('agencyIds', () => [ID], {
      nullable: true,
      description: 'Only targets set for these agencies (ids of Agency).',
    })
    agencyIds: string[] | null,
    @Arg('regencyWide', () => Boolean, {
      nullable: true,
      description: 'true: only regency-wide targets; false: only agency targets.',
    })
    regencyWide: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<PolicyTarget[]> {
    const years = oneOf(fiscalYears, 'fiscalYears')?.map((y) => wholeNumber(y, 'fiscalYears', 2000, 2100) as number);
    const metricList = oneOf(metrics, 'metrics');
    const agencies = globalIds(agencyIds, 'agencyIds', ['Agency']);
    const rows = await findPolicyTargets(ctx.db, ctx.tenantId, {
      ...(years ? { fiscalYears: years } : {}),
      ...(metricList ? { metrics: metricList } : {}),
      ...(agencies ? { agencyIds: agencies } : {}),
      ...(regencyWide != null ? { regencyWide } : {}),
    });
    return rows.map(toPolicyTarget);
  }

  @FieldResolver(() => Agency, {
    nullable: true,
    description: 'The agency the target is set for; null for a regency-wide target.',
  })
  async agency(@Root() target: PolicyTarget, @Ctx() ctx: Context): Promise<Agency | null> {
    if (target.agencyId === null) return null;
    const agency = await partyById(ctx).load(target.agencyId);
    return agency instanceof Agency ? agency : null;
  }
}

@Resolver(() => CollectionTarget)
export class CollectionTargetResolver {
  @Query(() => [CollectionTarget], {
    description: 'Data-collection targets per district (kecamatan) and year, by year then district code.',
  })
  async collectionTargets(
    @Arg('years', () => [Int], { nullable: true, description: 'Only these years.' }) years: number[] | null,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only districts in this region (or this district).',
    })
    code: string | null,
    @Ctx() ctx: Context,
  ): Promise<CollectionTarget[]> {
    const yearList = oneOf(years, 'years')?.map((y) => wholeNumber(y, 'years', 2000, 2100) as number);
    const region = regionCode(code, 'regionCode');
    const rows = await findCollectionTargets(ctx.db, ctx.tenantId, {
      ...(yearList ? { years: yearList } : {}),
      ...(region ? { regionCode: region } : {}),
    });
    return rows.map((row) =>
      Object.assign(new CollectionTarget(), {
        regionCode: row.region_code,
        year: row.year,
        enterprises: row.enterprises,
        cooperatives: row.cooperatives,
      }),
    );
  }

  @FieldResolver(() => Region, { description: 'The district.' })
  async region(@Root() target: CollectionTarget, @Ctx() ctx: Context): Promise<Region> {
    const region = await regionByCode(ctx).load(target.regionCode);
    if (!region) throw new Error(`collection target: region ${target.regionCode} is missing`);
    return region;
  }
}
