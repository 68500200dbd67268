import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { badInput } from '../../errors.ts';
import { OrderDirection } from '../../graphql/connection.ts';
import { ProductCategory } from '../../graphql/enums.ts';
import { globalIds, oneOf, range, regionCode, searchText } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';
import { type ProductCriteria, type ProductOrderField, productOrdering } from './product.queries.ts';

@InputType('ProductFilter', { description: 'Which products to list. Every condition given must hold.' })
export class ProductFilter {
  @Field(() => String, { nullable: true, description: 'Part of the product name, any case.' })
  search?: string | null;

  @Field(() => [ProductCategory], { nullable: true, description: 'Only these categories.' })
  categories?: ProductCategory[] | null;

  @Field(() => [ID], { nullable: true, description: 'Only products of these sellers (ids of any party).' })
  sellerIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only products of sellers located in this region or inside it (any level).',
  })
  sellerRegionCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "true: only products of sellers located in this API's regency; false: only the others.",
  })
  sellerLocal?: boolean | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Unit price at least this (rupiah).' })
  unitPriceMin?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Unit price at most this (rupiah).' })
  unitPriceMax?: number | null;

  @Field(() => String, { nullable: true, description: 'Only KBLI codes starting with these digits.' })
  kbliPrefix?: string | null;
}

const ProductOrderFieldEnum = { NAME: 'NAME', UNIT_PRICE: 'UNIT_PRICE', ID: 'ID' } as const;
registerEnumType(ProductOrderFieldEnum, {
  name: 'ProductOrderField',
  description: 'What to sort products by.',
  valuesConfig: {
    NAME: { description: 'The name (the default).' },
    UNIT_PRICE: { description: 'The unit price; products without one sort first ascending, last descending.' },
    ID: { description: 'The order in which the products were recorded.' },
  },
});

@InputType('ProductOrder', { description: 'How to sort products.' })
export class ProductOrder {
  @Field(() => ProductOrderFieldEnum, { description: 'What to sort by.' })
  field!: ProductOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

export function productCriteria(filter: ProductFilter | null | undefined): ProductCriteria {
  if (!filter) return {};
  const search = searchText(filter.search, 'filter.search');
  const categories = oneOf(filter.categories, 'filter.categories');
  const sellerIds = globalIds(filter.sellerIds, 'filter.sellerIds', [
    'Agency',
    'NetworkUnit',
    'Enterprise',
    'Cooperative',
    'Vendor',
  ]);
  const sellerRegionCode = regionCode(filter.sellerRegionCode, 'filter.sellerRegionCode');
  const unitPrice = range(filter.unitPriceMin, filter.unitPriceMax, 'filter.unitPriceMin');
  const kbliPrefix = filter.kbliPrefix?.trim();
  if (kbliPrefix != null && !/^[0-9]{1,5}$/.test(kbliPrefix)) {
    throw badInput('filter.kbliPrefix', {
      id: `"${filter.kbliPrefix}" bukan 1 sampai 5 angka awal kode KBLI`,
      en: `"${filter.kbliPrefix}" is not 1 to 5 digits of a KBLI code`,
    });
  }
  return {
    ...(search ? { search } : {}),
    ...(categories ? { categories } : {}),
    ...(sellerIds ? { sellerIds } : {}),
    ...(sellerRegionCode ? { sellerRegionCode } : {}),
    ...(filter.sellerLocal != null ? { sellerLocal: filter.sellerLocal } : {}),
    ...(Object.keys(unitPrice).length ? { unitPrice } : {}),
    ...(kbliPrefix ? { kbliPrefix } : {}),
  };
}

export function productOrder(order: ProductOrder | null | undefined): Ordering {
  return productOrdering(order?.field ?? 'NAME', order?.direction === 'DESC');
}
