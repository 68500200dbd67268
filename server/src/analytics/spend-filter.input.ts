import { Field, ID, InputType, Int } from 'type-graphql';
import { ProductCategory } from '../graphql/enums.ts';
import { DateScalar } from '../graphql/scalars.ts';

@InputType({
  description:
    'Which purchases a spending measure covers (docs/metrics.md, "The SpendFilter and the scoped transactions"): a date range, the buying agencies (and optionally their networks), categories of goods and an account-code prefix. Every field is optional; an empty filter covers every purchase made by an agency itself.',
})
export class SpendFilter {
  @Field(() => DateScalar, { nullable: true, description: 'First day covered (inclusive).' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day covered (inclusive).' })
  to?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'A fiscal year (Indonesian fiscal years are calendar years): 1 January to 31 December. Given together with from/to, the range is the intersection of both.',
  })
  fiscalYear?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Ids of the buying agencies. Absent: every agency of the regency.',
  })
  agencyIds?: string[] | null;

  @Field(() => [ProductCategory], { nullable: true, description: 'Only purchases of these categories.' })
  categories?: ProductCategory[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only purchases whose budget account code starts with this text, e.g. "5.1.02" for goods and services.',
  })
  accountPrefix?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Also count the purchases of the agencies' network units (schools, health centres, village governments…, any depth of the parent chain). Default false.",
  })
  includeNetwork?: boolean | null;
}
