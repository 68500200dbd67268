import { Field, Int, ObjectType } from 'type-graphql';
import { Regency } from '../modules/regency/regency.types.ts';
import { SpendSummary } from './spend-summary.types.ts';

@ObjectType({ description: "One regency's line of the province overview: its own Spend summary for the year." })
export class RegencyComparison {
  @Field(() => Regency)
  regency!: Regency;

  @Field(() => Int, {
    nullable: true,
    description:
      'Place by local UMKM share, highest first (1 = highest); null when the regency spent nothing that year.',
  })
  rank!: number | null;

  @Field(() => SpendSummary, {
    description: "The regency's Spend summary for the fiscal year: local means located in that regency.",
  })
  summary!: SpendSummary;
}

@ObjectType({
  description:
    'The regencies of a province held by this server, side by side for one fiscal year (docs/metrics-outcomes.md "Province overview").',
})
export class ProvinceOverview {
  @Field(() => String, { description: 'The province code, e.g. "61".' })
  provinceCode!: string;

  @Field(() => String, { description: 'The province name, e.g. "Kalimantan Barat".' })
  provinceName!: string;

  @Field(() => Int)
  fiscalYear!: number;

  @Field(() => SpendSummary, {
    description:
      "The regencies' sums: each amount summed over the regencies, each share the summed part over the summed total (weighted, not a mean of shares); no target.",
  })
  total!: SpendSummary;

  @Field(() => [RegencyComparison], {
    description: 'Every regency of the province held here, by rank (those without spending last, by code).',
  })
  regencies!: RegencyComparison[];
}
