import { Field, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import { PartyStatus } from '../../graphql/enums.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';

@ObjectType('EnterpriseSnapshot', {
  simpleResolvers: true,
  description:
    "One month of an enterprise's periodic survey: its sales, workers and whether it was trading. The recovery index compares these months with the enterprise's own pre-pandemic (2019) baseline.",
})
export class EnterpriseSnapshot {
  enterpriseId!: number;

  @Field(() => DateScalar, { description: 'The month, as its first day ("2021-03-01").' })
  period!: string;

  @Field(() => RupiahScalar, { nullable: true, description: "The month's sales (omzet) in rupiah, when reported." })
  revenue!: number | null;

  @Field(() => Int, { nullable: true, description: 'Workers that month, when reported.' })
  employees!: number | null;

  @Field(() => PartyStatus, {
    description: 'Whether the enterprise was trading that month: ACTIVE, DORMANT (mati suri) or CLOSED.',
  })
  status!: PartyStatus;
}

export const EnterpriseSnapshotConnection = connectionType(
  'EnterpriseSnapshot',
  () => EnterpriseSnapshot,
  'monthly snapshots',
);
