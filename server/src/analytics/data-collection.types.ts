import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType('DistrictProgress', {
  simpleResolvers: true,
  description:
    'Data-collection progress (pendataan) of one kecamatan by the end of a year (docs/metrics-outcomes.md "Data-collection progress"): registry entries, how many are verified, against the target.',
})
export class DistrictProgress {
  /** The kecamatan's region code (the `region` field resolves it). */
  regionCode!: string;

  @Field(() => Int, {
    description: 'Enterprises located here, registered on or before 31 December of the year, not rejected.',
  })
  enterprisesRegistered!: number;

  @Field(() => Int, { description: 'Of those, the ones verified.' })
  enterprisesVerified!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The year's collection target for enterprises; null when none is set.",
  })
  enterprisesTarget!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'enterprisesVerified / enterprisesTarget; null without a (non-zero) target.',
  })
  enterprisesProgress!: number | null;

  @Field(() => Int, { description: 'Cooperatives located here, registered by the end of the year, not rejected.' })
  cooperativesRegistered!: number;

  @Field(() => Int, { description: 'Of those, the ones verified.' })
  cooperativesVerified!: number;

  @Field(() => Int, {
    nullable: true,
    description: "The year's collection target for cooperatives; null when none is set.",
  })
  cooperativesTarget!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'cooperativesVerified / cooperativesTarget; null without a (non-zero) target.',
  })
  cooperativesProgress!: number | null;
}
