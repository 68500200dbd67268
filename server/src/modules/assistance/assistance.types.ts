import { Field, ObjectType } from 'type-graphql';
import { connectionType } from '../../graphql/connection.ts';
import { AssistanceKind } from '../../graphql/enums.ts';
import { Node } from '../../graphql/node.ts';
import { DateScalar } from '../../graphql/scalars.ts';

@ObjectType('Assistance', {
  implements: Node,
  simpleResolvers: true,
  description:
    'Help a program gave an enterprise on a date: training, certification (halal, PIRT), capital, mentoring or market access. The market-access effect compares trained enterprises that also won government orders with those that did not.',
})
export class Assistance extends Node {
  /** The database id (clients use the opaque global `id`). */
  rowId!: number;
  programId!: number | null;
  enterpriseId!: number;

  @Field(() => AssistanceKind, {
    description: 'The kind of help: TRAINING, CERTIFICATION, CAPITAL, MENTORING or MARKET_ACCESS.',
  })
  kind!: AssistanceKind;

  @Field(() => DateScalar, { description: 'When the help was given.' })
  occurredOn!: string;
}

export const AssistanceConnection = connectionType('Assistance', () => Assistance, 'assistance records');
