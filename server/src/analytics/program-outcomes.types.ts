import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { RupiahScalar } from '../graphql/scalars.ts';

export const ProgramStatus = {
  MET: 'MET',
  BELOW_TARGET: 'BELOW_TARGET',
  NO_TARGET: 'NO_TARGET',
  NO_SPEND: 'NO_SPEND',
} as const;
export type ProgramStatus = keyof typeof ProgramStatus;
registerEnumType(ProgramStatus, {
  name: 'ProgramStatus',
  description: "Whether a program's local UMKM share meets its target.",
  valuesConfig: {
    MET: { description: 'The local UMKM share is at or above the target.' },
    BELOW_TARGET: { description: 'The local UMKM share is below the target.' },
    NO_TARGET: { description: 'Neither the program, its agency nor the regency has a target for that year.' },
    NO_SPEND: { description: 'Nothing has been realised (spent) yet.' },
  },
});

export const TargetSource = { PROGRAM: 'PROGRAM', AGENCY: 'AGENCY', TENANT: 'TENANT' } as const;
export type TargetSource = keyof typeof TargetSource;
registerEnumType(TargetSource, {
  name: 'TargetSource',
  description: 'Where a target comes from.',
  valuesConfig: {
    PROGRAM: { description: "The program's own target." },
    AGENCY: { description: "The agency's target for the year." },
    TENANT: { description: "The regency-wide target for the year (the regent's regulation)." },
  },
});

@ObjectType('ProgramOutcome', {
  simpleResolvers: true,
  description:
    'A program\'s outcome for DPRD (docs/metrics-outcomes.md "Program outcomes"): its budget against the purchases tagged with it, the share that reached local UMKM against its target, and the UMKM it reached and assisted.',
})
export class ProgramOutcome {
  /** The program's id (the `program` field resolves it). */
  programId!: number;

  @Field(() => RupiahScalar, { description: 'The budget (pagu).' })
  budget!: number;

  @Field(() => RupiahScalar, {
    description: 'Realised: the sum of the purchases tagged with the program, by any buyer, on any date.',
  })
  realized!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'realized / budget (above 1 when overspent); null when the budget is 0.',
  })
  realizationRate!: number | null;

  @Field(() => RupiahScalar, { description: 'The part of the realisation paid to local UMKM sellers.' })
  toLocalUmkm!: number;

  @Field(() => Float, { nullable: true, description: 'toLocalUmkm / realized; null when nothing was realised.' })
  localUmkmShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "The target: the program's own local target share, else its agency's target for the year, else the regency-wide one.",
  })
  target!: number | null;

  @Field(() => TargetSource, { nullable: true, description: 'Where the target comes from; null without a target.' })
  targetSource!: TargetSource | null;

  @Field(() => Int, { description: 'Distinct local UMKM sellers paid under the program.' })
  umkmReached!: number;

  @Field(() => Int, {
    description: 'Distinct enterprises with an assistance record (training, certification…) of the program.',
  })
  enterprisesAssisted!: number;

  @Field(() => ProgramStatus, {
    description:
      'NO_SPEND when nothing was realised, else NO_TARGET without a target, else MET when localUmkmShare ≥ target (compared exactly), else BELOW_TARGET.',
  })
  status!: ProgramStatus;
}
