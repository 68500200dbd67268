import type { PartyKind } from '@jejaring/db';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { badInput } from '../../errors.ts';
import { OrderDirection } from '../../graphql/connection.ts';
import { FundingSource, PartyKind as PartyKindEnum, ProductCategory, SizeClass } from '../../graphql/enums.ts';
import { globalIds, oneOf, range, regionCode, wholeNumber } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';
import {
  type PartySideCriteria,
  type TransactionCriteria,
  type TransactionOrderField,
  transactionOrdering,
} from './transaction.queries.ts';

const PARTY_TYPES = ['Agency', 'NetworkUnit', 'Enterprise', 'Cooperative', 'Vendor'] as const;

@InputType('TransactionFilter', { description: 'Which transactions to list. Every condition given must hold.' })
export class TransactionFilter {
  @Field(() => DateScalar, { nullable: true, description: 'On or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this date.' })
  to?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Within this fiscal year (the calendar year: 1 January to 31 December).',
  })
  fiscalYear?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Amount at least this (rupiah).' })
  amountMin?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Amount at most this (rupiah).' })
  amountMax?: number | null;

  @Field(() => [ID], { nullable: true, description: 'Bought by these agencies (ids of Agency); see includeNetwork.' })
  agencyIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "With agencyIds: also the purchases of the units in those agencies' networks, at any depth (default false).",
  })
  includeNetwork?: boolean | null;

  @Field(() => [ID], { nullable: true, description: 'Bought by these parties (ids of any party).' })
  buyerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Sold by these parties (ids of any party).' })
  sellerIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Recorded under these programs (ids of Program).' })
  programIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'For these products (ids of Product).' })
  productIds?: string[] | null;

  @Field(() => [ProductCategory], { nullable: true, description: 'Only these categories of goods.' })
  categories?: ProductCategory[] | null;

  @Field(() => [FundingSource], { nullable: true, description: 'Only these funding sources.' })
  fundingSources?: FundingSource[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only account codes starting with this prefix, e.g. "5.1.02" for goods and services spending.',
  })
  accountPrefix?: string | null;

  @Field(() => [PartyKindEnum], { nullable: true, description: 'Only purchases by these kinds of buyer.' })
  buyerKinds?: PartyKind[] | null;

  @Field(() => String, { nullable: true, description: 'Only buyers located in this region or inside it (any level).' })
  buyerRegionCode?: string | null;

  @Field(() => [PartyKindEnum], {
    nullable: true,
    description: 'Only sales by these kinds of seller, e.g. [ENTERPRISE, COOPERATIVE] for UMKM and cooperatives.',
  })
  sellerKinds?: PartyKind[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only sellers located in this region or inside it (any level), e.g. a kecamatan: where the money went.',
  })
  sellerRegionCode?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "true: only sellers located in this API's regency; false: only sellers outside it (or of unknown location).",
  })
  sellerLocal?: boolean | null;

  @Field(() => [SizeClass], { nullable: true, description: 'Only sellers of these size classes.' })
  sellerSizeClasses?: SizeClass[] | null;
}

const TransactionOrderFieldEnum = { OCCURRED_ON: 'OCCURRED_ON', AMOUNT: 'AMOUNT', ID: 'ID' } as const;
registerEnumType(TransactionOrderFieldEnum, {
  name: 'TransactionOrderField',
  description: 'What to sort transactions by.',
  valuesConfig: {
    OCCURRED_ON: { description: 'The date (the default, newest first).' },
    AMOUNT: { description: 'The amount.' },
    ID: { description: 'The order in which the transactions were recorded.' },
  },
});

@InputType('TransactionOrder', { description: 'How to sort transactions.' })
export class TransactionOrder {
  @Field(() => TransactionOrderFieldEnum, { description: 'What to sort by.' })
  field!: TransactionOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

const ACCOUNT_PREFIX = /^[0-9]+(\.[0-9]+)*\.?$/;

function side(
  kinds: PartyKind[] | undefined,
  region: string | undefined,
  local: boolean | null | undefined,
  sizes: unknown[] | undefined,
): PartySideCriteria | undefined {
  const criteria = {
    ...(kinds ? { kinds } : {}),
    ...(region ? { regionCode: region } : {}),
    ...(local != null ? { local } : {}),
    ...(sizes ? { sizeClasses: sizes as PartySideCriteria['sizeClasses'] } : {}),
  };
  return Object.keys(criteria).length ? criteria : undefined;
}

/** Validates a TransactionFilter into criteria; errors name the field ("filter.to"). */
export function transactionCriteria(filter: TransactionFilter | null | undefined): TransactionCriteria {
  if (!filter) return {};
  const f = filter;
  const dates = range(f.from, f.to, 'filter.from');
  const year = wholeNumber(f.fiscalYear, 'filter.fiscalYear', 2000, 2100);
  let min = dates.min;
  let max = dates.max;
  if (year !== undefined) {
    const [start, end] = [`${year}-01-01`, `${year}-12-31`];
    min = !min || min < start ? start : min;
    max = !max || max > end ? end : max;
  }
  const amount = range(f.amountMin, f.amountMax, 'filter.amountMin');
  const agencyIds = globalIds(f.agencyIds, 'filter.agencyIds', ['Agency']);
  if (f.includeNetwork && !agencyIds)
    throw badInput('filter.includeNetwork', {
      id: 'filter.includeNetwork memerlukan filter.agencyIds',
      en: 'filter.includeNetwork needs filter.agencyIds',
    });
  const buyerIds = globalIds(f.buyerIds, 'filter.buyerIds', PARTY_TYPES);
  const sellerIds = globalIds(f.sellerIds, 'filter.sellerIds', PARTY_TYPES);
  const programIds = globalIds(f.programIds, 'filter.programIds', ['Program']);
  const productIds = globalIds(f.productIds, 'filter.productIds', ['Product']);
  const categories = oneOf(f.categories, 'filter.categories');
  const fundingSources = oneOf(f.fundingSources, 'filter.fundingSources');
  const accountPrefix = f.accountPrefix?.trim();
  if (accountPrefix != null && !ACCOUNT_PREFIX.test(accountPrefix)) {
    throw badInput('filter.accountPrefix', {
      id: `"${f.accountPrefix}" bukan awal kode rekening seperti 5.1.02`,
      en: `"${f.accountPrefix}" is not the start of an account code like 5.1.02`,
    });
  }
  const buyer = side(
    oneOf(f.buyerKinds, 'filter.buyerKinds'),
    regionCode(f.buyerRegionCode, 'filter.buyerRegionCode'),
    undefined,
    undefined,
  );
  const seller = side(
    oneOf(f.sellerKinds, 'filter.sellerKinds'),
    regionCode(f.sellerRegionCode, 'filter.sellerRegionCode'),
    f.sellerLocal,
    oneOf(f.sellerSizeClasses, 'filter.sellerSizeClasses'),
  );
  return {
    ...(min || max ? { occurred: { ...(min ? { min } : {}), ...(max ? { max } : {}) } } : {}),
    ...(Object.keys(amount).length ? { amount } : {}),
    ...(agencyIds ? { agencyIds, includeNetwork: f.includeNetwork === true } : {}),
    ...(buyerIds ? { buyerIds } : {}),
    ...(sellerIds ? { sellerIds } : {}),
    ...(programIds ? { programIds } : {}),
    ...(productIds ? { productIds } : {}),
    ...(categories ? { categories } : {}),
    ...(fundingSources ? { fundingSources } : {}),
    ...(accountPrefix ? { accountPrefix: accountPrefix.replace(/\.$/, '') } : {}),
    ...(buyer ? { buyer } : {}),
    ...(seller ? { seller } : {}),
  };
}

/** The ordering of a transaction list; newest first when not given. */
export function transactionOrder(order: TransactionOrder | null | undefined): Ordering {
  return order
    ? transactionOrdering(order.field, order.direction === 'DESC')
    : transactionOrdering('OCCURRED_ON', true);
}
