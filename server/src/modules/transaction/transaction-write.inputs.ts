import { Field, Float, ID, InputType } from 'type-graphql';
import { FundingSource, ProductCategory } from '../../graphql/enums.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';

@InputType('TransactionInput', {
  description:
    'A purchase as entered: who paid whom, how much, when, for what. Checked by the shared rules (docs/data-entry.md).',
})
export class TransactionInput {
  @Field(() => ID, { description: 'The buyer: an Agency or a NetworkUnit (or, in the supply chain, any party).' })
  buyerId!: string;

  @Field(() => ID, { description: 'The seller: an Enterprise, Cooperative or Vendor (any party but the buyer).' })
  sellerId!: string;

  @Field(() => RupiahScalar, { description: 'The amount paid, whole rupiah, more than 0.' })
  amount!: number;

  @Field(() => DateScalar, {
    description: "The date of payment: not in the future, inside the program's fiscal year when a program is given.",
  })
  occurredOn!: string;

  @Field(() => ProductCategory, { description: 'The category of goods or services bought.' })
  category!: ProductCategory;

  @Field(() => ID, { nullable: true, description: 'The Program the purchase is recorded under.' })
  programId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The Product bought.' })
  productId?: string | null;

  @Field(() => String, { nullable: true, description: 'Budget account code, e.g. 5.1.02.01.01.0024.' })
  accountCode?: string | null;

  @Field(() => FundingSource, { nullable: true, description: 'APBD, APBN, DAK, DANA_DESA, BOS or OWN.' })
  fundingSource?: FundingSource | null;

  @Field(() => Float, { nullable: true, description: "The quantity, in the product's unit; more than 0." })
  quantity?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The reference in the paper trail (e.g. the SP2D or receipt number); unique among manual entries, so the same purchase is not recorded twice (CONFLICT). Generated when omitted.',
  })
  sourceRef?: string | null;
}

@InputType('TransactionCorrection', {
  description: 'What to change in a recorded purchase; fields left out keep their values, null clears an optional one.',
})
export class TransactionCorrection {
  @Field(() => ID, { nullable: true })
  buyerId?: string;

  @Field(() => ID, { nullable: true })
  sellerId?: string;

  @Field(() => RupiahScalar, { nullable: true })
  amount?: number;

  @Field(() => DateScalar, { nullable: true })
  occurredOn?: string;

  @Field(() => ProductCategory, { nullable: true })
  category?: ProductCategory;

  @Field(() => ID, { nullable: true })
  programId?: string | null;

  @Field(() => ID, { nullable: true })
  productId?: string | null;

  @Field(() => String, { nullable: true })
  accountCode?: string | null;

  @Field(() => FundingSource, { nullable: true })
  fundingSource?: FundingSource | null;

  @Field(() => Float, { nullable: true })
  quantity?: number | null;
}
