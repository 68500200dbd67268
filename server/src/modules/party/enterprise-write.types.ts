import { Field, ObjectType } from 'type-graphql';
import { DataWarning } from '../../graphql/data-issue.ts';
import { Enterprise } from './party.types.ts';

@ObjectType('EnterprisePayload', { description: 'An enterprise as written, with what the user should look at.' })
export class EnterprisePayload {
  @Field(() => Enterprise, { description: 'The enterprise as stored.' })
  enterprise!: Enterprise;

  @Field(() => [DataWarning], {
    description:
      'Accepted, but worth a look: SIZE_CLASS_CONTRADICTS (the derived class was stored), LIKELY_DUPLICATE (see likelyDuplicates).',
  })
  warnings!: DataWarning[];

  @Field(() => [Enterprise], {
    description:
      'Enterprises in the same village with very similar names (pg_trgm similarity ≥ 0.6), most similar first: merge them with mergeParties if they are the same business.',
  })
  likelyDuplicates!: Enterprise[];
}
