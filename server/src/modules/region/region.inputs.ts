import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { badInput } from '../../errors.ts';
import { OrderDirection } from '../../graphql/connection.ts';
import { oneOf, regionCode, searchText } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { type RegionCriteria, type RegionOrderField, regionOrdering } from './region.queries.ts';

@InputType('RegionFilter', { description: 'Which regions to list. Every condition given must hold.' })
export class RegionFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Part of the name, any case: "raya" finds "Sungai Raya" and "Kubu Raya".',
  })
  search?: string | null;

  @Field(() => [Int], {
    nullable: true,
    description: 'Only these levels: 1 province, 2 regency/city, 3 district, 4 village.',
  })
  levels?: number[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only the direct children of this region, e.g. "61.12" for the kecamatan of Kubu Raya.',
  })
  parentCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only this region and the regions inside it, at any depth, e.g. "61.12.01" for a kecamatan and its villages.',
  })
  withinCode?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only these region codes.' })
  codes?: string[] | null;
}

export const RegionOrderFieldEnum = { CODE: 'CODE', NAME: 'NAME' } as const;
registerEnumType(RegionOrderFieldEnum, {
  name: 'RegionOrderField',
  description: 'What to sort regions by.',
  valuesConfig: { CODE: { description: 'The region code (the default).' }, NAME: { description: 'The name.' } },
});

@InputType('RegionOrder', { description: 'How to sort regions.' })
export class RegionOrder {
  @Field(() => RegionOrderFieldEnum, { description: 'What to sort by.' })
  field!: RegionOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

/** Validates a RegionFilter into query criteria. */
export function regionCriteria(filter: RegionFilter | null | undefined): RegionCriteria {
  if (!filter) return {};
  const levels = oneOf(filter.levels, 'filter.levels');
  for (const level of levels ?? []) {
    if (level < 1 || level > 4)
      throw badInput('filter.levels', {
        id: `${level} bukan tingkat wilayah (1 sampai 4)`,
        en: `${level} is not a level (1 to 4)`,
      });
  }
  const search = searchText(filter.search, 'filter.search');
  const parentCode = regionCode(filter.parentCode, 'filter.parentCode');
  const within = regionCode(filter.withinCode, 'filter.withinCode');
  const codes = oneOf(filter.codes, 'filter.codes')?.map((code) => regionCode(code, 'filter.codes') as string);
  return {
    ...(search ? { search } : {}),
    ...(levels ? { levels } : {}),
    ...(parentCode ? { parentCode } : {}),
    ...(within ? { within } : {}),
    ...(codes ? { codes } : {}),
  };
}

export function regionOrder(order: RegionOrder | null | undefined): Ordering {
  return regionOrdering(order?.field ?? 'CODE', (order?.direction ?? 'ASC') === 'DESC');
}
