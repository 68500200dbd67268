import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/scalars.ts';

@ObjectType({ description: 'The regency this API answers for, and what data it holds.' })
export class About {
  @Field(() => String, { description: 'The tenant: the regency code, e.g. "61.12" for Kabupaten Kubu Raya.' })
  tenantId!: string;

  @Field(() => String, { description: 'The regency name, e.g. "Kabupaten Kubu Raya".' })
  tenantName!: string;

  @Field(() => Boolean, {
    description:
      'True while the synthetic demo dataset is loaded: every number is then illustrative ("data contoh"), not real.',
  })
  demoData!: boolean;

  @Field(() => Int, { nullable: true, description: 'The seed the demo dataset was generated from, when it is loaded.' })
  demoSeed!: number | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the earliest recorded transaction.' })
  firstTransactionOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Date of the latest recorded transaction.' })
  lastTransactionOn!: string | null;
}
