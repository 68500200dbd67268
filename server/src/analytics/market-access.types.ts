import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('SurvivalGroup', {
  simpleResolvers: true,
  description: 'Members of a training cohort by their status a year later.',
})
export class SurvivalGroup {
  @Field(() => Int, { description: 'How many enterprises are in the group.' })
  size!: number;

  @Field(() => Int, { description: 'Whose last snapshot of the year after the cohort year is ACTIVE.' })
  active!: number;

  @Field(() => Int, { description: 'Whose last snapshot of that year is DORMANT or CLOSED.' })
  inactive!: number;

  @Field(() => Int, { description: 'Without a snapshot that year.' })
  unknown!: number;

  @Field(() => Float, { nullable: true, description: 'active / (active + inactive); null when both are 0.' })
  survivalRate!: number | null;
}

@ObjectType('MarketAccessEffect', {
  simpleResolvers: true,
  description:
    'Whether a market keeps trained UMKM alive (docs/metrics-outcomes.md "Market-access effect"): of the enterprises trained in the cohort year, survival a year later of those that also sold to government buyers against those that were only trained.',
})
export class MarketAccessEffect {
  @Field(() => Int, { description: 'The year of the TRAINING assistance records.' })
  cohortYear!: number;

  @Field(() => Int, { description: 'Enterprises trained that year.' })
  cohortSize!: number;

  @Field(() => SurvivalGroup, {
    description: 'Cohort members paid at least once by a government buyer in the cohort year or the next.',
  })
  withMarket!: SurvivalGroup;

  @Field(() => SurvivalGroup, { description: 'The rest of the cohort.' })
  trainedOnly!: SurvivalGroup;

  @Field(() => Float, {
    nullable: true,
    description: 'withMarket.survivalRate − trainedOnly.survivalRate; null when either is null.',
  })
  difference!: number | null;
}
