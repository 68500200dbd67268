import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

export const Grade = { A_PLUS: 'A_PLUS', A: 'A', B: 'B', C: 'C', D: 'D', F: 'F' } as const;
export type Grade = keyof typeof Grade;
registerEnumType(Grade, {
  name: 'Grade',
  description:
    'A scorecard grade from achievement = local UMKM share / target, as the US SBA procurement scorecard grades.',
  valuesConfig: {
    A_PLUS: { description: 'A+: at least 120 % of target.' },
    A: { description: 'At least 100 % of target.' },
    B: { description: 'At least 90 % of target.' },
    C: { description: 'At least 80 % of target.' },
    D: { description: 'At least 70 % of target.' },
    F: { description: 'Below 70 % of target.' },
  },
});

@ObjectType('AgencyScore', {
  simpleResolvers: true,
  description:
    'One agency\'s line of the scorecard (docs/metrics.md "Agency scorecard"): its spending, the share that reached local UMKM, and that share against its target.',
})
export class AgencyScore {
  /** The agency's party id (the `agency` field resolves it). */
  agencyId!: number;

  @Field(() => Int, {
    description: 'Position 1…n by local UMKM share, highest first (agencies without spending are not listed).',
  })
  rank!: number;

  @Field(() => RupiahScalar, {
    description: "Total of the agency's scoped purchases (its network's too with includeNetwork).",
  })
  total!: number;

  @Field(() => Int, { description: 'How many purchases are in scope.' })
  transactionCount!: number;

  @Field(() => RupiahScalar, { description: 'Paid to local UMKM sellers.' })
  toLocalUmkm!: number;

  @Field(() => Float, { nullable: true, description: 'toLocalUmkm / total; null when total is 0.' })
  localUmkmShare!: number | null;

  @Field(() => Int, { description: 'Distinct local UMKM sellers paid.' })
  sellersReached!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "The agency's local-UMKM-share target for the fiscal year (its own, else the regency-wide one); null when none or several years.",
  })
  target!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'localUmkmShare / target (1.0 = on target); null without a target (or with a zero target or no spending).',
  })
  achievement!: number | null;

  @Field(() => Grade, {
    nullable: true,
    description:
      'A+ ≥ 120 % of target, A ≥ 100 %, B ≥ 90 %, C ≥ 80 %, D ≥ 70 %, F below (compared exactly); null without a target.',
  })
  grade!: Grade | null;
}
