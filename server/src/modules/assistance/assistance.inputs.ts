import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../graphql/connection.ts';
import { AssistanceKind } from '../../graphql/enums.ts';
import { globalIds, oneOf, range } from '../../graphql/filters.ts';
import type { Ordering } from '../../graphql/keyset.queries.ts';
import { DateScalar } from '../../graphql/scalars.ts';
import { type AssistanceCriteria, type AssistanceOrderField, assistanceOrdering } from './assistance.queries.ts';

@InputType('AssistanceFilter', { description: 'Which assistance records to list. Every condition given must hold.' })
export class AssistanceFilter {
  @Field(() => [AssistanceKind], { nullable: true, description: 'Only these kinds of help.' })
  kinds?: AssistanceKind[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Given on or after this date.' })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Given on or before this date.' })
  to?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Given under these programs (ids of Program).' })
  programIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Given to these enterprises (ids of Enterprise).' })
  enterpriseIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Given under programs of these agencies (ids of Agency).' })
  agencyIds?: string[] | null;
}

const AssistanceOrderFieldEnum = { OCCURRED_ON: 'OCCURRED_ON', ID: 'ID' } as const;
registerEnumType(AssistanceOrderFieldEnum, {
  name: 'AssistanceOrderField',
  description: 'What to sort assistance records by.',
  valuesConfig: {
    OCCURRED_ON: { description: 'The date (the default, oldest first).' },
    ID: { description: 'The order in which the records were made.' },
  },
});

@InputType('AssistanceOrder', { description: 'How to sort assistance records.' })
export class AssistanceOrder {
  @Field(() => AssistanceOrderFieldEnum, { description: 'What to sort by.' })
  field!: AssistanceOrderField;

  @Field(() => OrderDirection, { defaultValue: 'ASC', description: 'Sort direction (default ASC).' })
  direction!: OrderDirection;
}

export function assistanceCriteria(filter: AssistanceFilter | null | undefined): AssistanceCriteria {
  if (!filter) return {};
  const kinds = oneOf(filter.kinds, 'filter.kinds');
  const occurred = range(filter.from, filter.to, 'filter.from');
  const programIds = globalIds(filter.programIds, 'filter.programIds', ['Program']);
  const enterpriseIds = globalIds(filter.enterpriseIds, 'filter.enterpriseIds', ['Enterprise']);
  const agencyIds = globalIds(filter.agencyIds, 'filter.agencyIds', ['Agency']);
  return {
    ...(kinds ? { kinds } : {}),
    ...(Object.keys(occurred).length ? { occurred } : {}),
    ...(programIds ? { programIds } : {}),
    ...(enterpriseIds ? { enterpriseIds } : {}),
    ...(agencyIds ? { agencyIds } : {}),
  };
}

export function assistanceOrder(order: AssistanceOrder | null | undefined): Ordering {
  return assistanceOrdering(order?.field ?? 'OCCURRED_ON', order?.direction === 'DESC');
}
