import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import { ProductCategory } from '../../graphql/enums.ts';
import { Node } from '../../graphql/node.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';

@ObjectType('Product', {
  implements: Node,
  simpleResolvers: true,
  description:
    'Something a producer sells: rice from a farmer cooperative, keripik from a home industry, school uniforms from a local tailor.',
})
export class Product extends Node {
  /** The database id (clients use the opaque global `id`). */
  rowId!: number;
  /** The seller's party id. */
  sellerId!: number;

  @Field(() => String, { description: 'The product name, e.g. "Beras Lokal Premium 5 kg".' })
  name!: string;

  @Field(() => ProductCategory, { description: 'The category of goods (FOOD_STAPLES, SNACKS, GARMENTS…).' })
  category!: ProductCategory;

  @Field(() => String, { description: 'The unit it is sold in, e.g. "kg", "pcs", "paket".' })
  unit!: string;

  @Field(() => RupiahScalar, { nullable: true, description: 'The usual price of one unit in rupiah, where known.' })
  unitPrice!: number | null;

  @Field(() => String, { nullable: true, description: 'The KBLI code (5 digits) of the product, where known.' })
  kbliCode!: string | null;
}

export const ProductConnection = connectionType('Product', () => Product, 'products');
