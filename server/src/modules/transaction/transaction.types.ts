import { Field, Float, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import { FundingSource, ProductCategory } from '../../graphql/enums.ts';
import { Node } from '../../graphql/node.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';
import type { Party } from '../party/party.types.ts';

@ObjectType('Transaction', {
  implements: Node,
  simpleResolvers: true,
  description:
    'One purchase: money paid by a buyer party to a seller party on a date, for a category of goods, optionally under a program and for a product. Agencies and their network units buy from enterprises, cooperatives and vendors; local UMKM also buy from each other (the supply chain).',
})
export class Transaction extends Node {
  /** The database id (clients use the opaque global `id`). */
  rowId!: number;
  buyerId!: number;
  sellerId!: number;
  programId!: number | null;
  productId!: number | null;
  /** The buyer and seller when they came with the page (withParties): `buyer`/`seller` answer them at once. */
  declare buyerParty?: Party;
  declare sellerParty?: Party;

  @Field(() => ProductCategory, { description: 'The category of goods or services bought.' })
  category!: ProductCategory;

  @Field(() => String, {
    nullable: true,
    description:
      'The account code of the regional budget chart of accounts (goods and services spending starts with 5.1.02).',
  })
  accountCode!: string | null;

  @Field(() => FundingSource, {
    nullable: true,
    description: 'Where the money came from: APBD, APBN, DAK, DANA_DESA, BOS or OWN.',
  })
  fundingSource!: FundingSource | null;

  @Field(() => RupiahScalar, { description: 'The amount paid, in whole rupiah.' })
  amount!: number;

  @Field(() => Float, { nullable: true, description: "The quantity bought, in the product's unit, where recorded." })
  quantity!: number | null;

  @Field(() => DateScalar, { description: 'The date of the purchase (payment).' })
  occurredOn!: string;

  @Field(() => String, {
    description: 'Where the record came from: MANUAL (data entry), CSV (a bundle import), OCDS, DEMO…',
  })
  source!: string;

  @Field(() => String, {
    description: "The record's reference in its source (unique per source; re-imports do not duplicate it).",
  })
  sourceRef!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'When the purchase was voided (ISO 8601 timestamp); null while it counts. A voided purchase is in no list and no measure; node(id) still finds it.',
  })
  voidedAt!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was voided.' })
  voidReason!: string | null;
}

export const TransactionConnection = connectionType('Transaction', () => Transaction, 'transactions');
