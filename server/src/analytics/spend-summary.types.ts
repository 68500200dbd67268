import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

@ObjectType('SpendSummary', {
  simpleResolvers: true,
  description:
    'Totals and shares of the scoped purchases (docs/metrics.md "Spend summary"): how much was spent, and how much of it reached local UMKM and cooperatives, micro and small enterprises anywhere, and local sellers of any kind. Shares are fractions (0.4 = 40 %) and null when nothing was spent.',
})
export class SpendSummary {
  @Field(() => RupiahScalar, { description: 'Total spent: the sum of the amounts of the scoped purchases.' })
  total!: number;

  @Field(() => Int, { description: 'How many purchases (transactions) are in scope.' })
  transactionCount!: number;

  @Field(() => RupiahScalar, {
    description:
      'Paid to local UMKM sellers: enterprises located in the regency whose size is micro, small, medium or unknown, and local cooperatives.',
  })
  toLocalUmkm!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "Share of spending paid to local UMKM (toLocalUmkm / total): the regent's regulation's measure. Null when total is 0.",
  })
  localUmkmShare!: number | null;

  @Field(() => RupiahScalar, {
    description:
      'Paid to micro and small enterprises and cooperatives anywhere (unknown size does not count): Perpres 12/2021.',
  })
  toUmk!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share paid to micro and small enterprises and cooperatives (toUmk / total); null when total is 0.',
  })
  umkShare!: number | null;

  @Field(() => RupiahScalar, { description: 'Paid to sellers located in the regency, of any kind and size.' })
  toLocal!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Share paid to local sellers of any kind (toLocal / total); null when total is 0.',
  })
  localShare!: number | null;

  @Field(() => Int, { description: 'How many distinct local UMKM sellers were paid at least once.' })
  sellersReached!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The local-UMKM-share target for the filter's fiscal year: the agency's own when the filter names exactly one agency that has one, else the regency-wide one. Null when there is none or the range spans several years (or is open).",
  })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The UMK-share target (Perpres 12/2021, 40 %) for the same year and agency, chosen the same way.',
  })
  umkTarget!: number | null;
}
