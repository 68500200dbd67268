import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/connection.ts';
import { globalIds, oneOf, range, searchText, wholeNumber } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';
import { type ProgramCriteria, type ProgramOrderField, programOrdering } from './program.queries.ts';

@InputType('ProgramFilter', { description: 'Which programs to list. Every condition given must hold.' })
export class ProgramFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, any case; or the exact program code.' })
  search?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Only programs of these agencies (ids of Agency).' })
  agencyIds?: string[] | null;

  @Field(() => [Int], { nullable: true, description: 'Only these fiscal years.' })
  fiscalYears?: number[] | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Budget at least this (rupiah).' })
  budgetMin?: number | null;

  @Field(() => RupiahScalar, { nullable: true, description: 'Budget at most this (rupiah).' })
  budgetMax?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only programs with their own local-UMKM target; false: only those without.',
  })
  hasTarget?: boolean | null;
}

const ProgramOrderFieldEnum = {
  NAME: 'NAME',
  CODE: 'CODE',
  FISCAL_YEAR: 'FISCAL_YEAR',
  BUDGET: 'BUDGET',
  ID: 'ID',
} as const;
registerEnumType(ProgramOrderFieldEnum, {
  name: 'ProgramOrderField',
  description: 'What to sort programs by.',
  valuesConfig: {
    NAME: { description: 'The name.' },
    CODE: { description: 'The program code (the default).' },
    FISCAL_YEAR: { description: 'The fiscal year.' },
    BUDGET: { description: 'The budget.' },
    ID: { description: 'The order in which the programs were recorded.' },
  },
});

@InputType('ProgramOrder', { description: 'How to sort programs.' })
export class ProgramOrder {
  @Field(() => ProgramOrderFieldEnum, { description: 'What to sort by.' })
  field!: ProgramOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

/** Validates a ProgramFilter (and a fiscalYear argument, when the field has one) into criteria. */
export function programCriteria(filter: ProgramFilter | null | undefined, fiscalYear?: number | null): ProgramCriteria {
  const search = searchText(filter?.search, 'filter.search');
  const agencyIds = globalIds(filter?.agencyIds, 'filter.agencyIds', ['Agency']);
  const years = oneOf(filter?.fiscalYears, 'filter.fiscalYears')?.map(
    (y) => wholeNumber(y, 'filter.fiscalYears', 2000, 2100) as number,
  );
  const year = wholeNumber(fiscalYear, 'fiscalYear', 2000, 2100);
  const fiscalYears = year !== undefined ? (years ? years.filter((y) => y === year) : [year]) : years;
  const budget = range(filter?.budgetMin, filter?.budgetMax, 'filter.budgetMin');
  return {
    ...(search ? { search } : {}),
    ...(agencyIds ? { agencyIds } : {}),
    ...(fiscalYears ? { fiscalYears } : {}),
    ...(Object.keys(budget).length ? { budget } : {}),
    ...(filter?.hasTarget != null ? { hasTarget: filter.hasTarget } : {}),
  };
}

/** The ordering of a program list; by code ascending when not given. */
export function programOrder(order: ProgramOrder | null | undefined): Ordering {
  return programOrdering(order?.field ?? 'CODE', order?.direction === 'DESC');
}
