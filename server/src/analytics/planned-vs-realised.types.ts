import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

@ObjectType('PlannedVsRealised', {
  simpleResolvers: true,
  description:
    'One agency\'s procurement planned for small businesses (its active SiRUP packages) against what it paid them in the same fiscal year (docs/metrics-outcomes.md "Planned vs realised for small businesses"). Plans are never spending: they count only here.',
})
export class PlannedVsRealised {
  /** The agency's party id (the `agency` field resolves it). */
  agencyId!: number;

  @Field(() => Int, { description: 'The fiscal year compared (the calendar year).' })
  fiscalYear!: number;

  @Field(() => Int, { description: 'Active plans (SiRUP packages) of the agency in the year.' })
  planCount!: number;

  @Field(() => RupiahScalar, { description: 'Sum of the budget ceilings (pagu) of those plans.' })
  plannedTotal!: number;

  @Field(() => Int, { description: 'Active plans flagged as planned for small businesses (status_ukm UKM).' })
  planCountForSmall!: number;

  @Field(() => RupiahScalar, { description: 'Sum of the budget ceilings of the plans flagged for small businesses.' })
  plannedForSmall!: number;

  @Field(() => Float, { nullable: true, description: 'plannedForSmall / plannedTotal; null without plans.' })
  plannedSmallShare!: number | null;

  @Field(() => RupiahScalar, {
    description: "Sum of the agency's purchases dated in the year (its network's too with includeNetwork).",
  })
  realisedTotal!: number;

  @Field(() => RupiahScalar, {
    description: 'Of those, paid to UMK sellers: micro and small enterprises and cooperatives, wherever located.',
  })
  realisedToSmall!: number;

  @Field(() => Float, { nullable: true, description: 'realisedToSmall / realisedTotal; null without purchases.' })
  realisedSmallShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'realisedToSmall / plannedForSmall (1.0 = paid to small businesses as much as planned for them; above 1 when more); null when nothing was planned for small businesses.',
  })
  realisationRate!: number | null;
}
