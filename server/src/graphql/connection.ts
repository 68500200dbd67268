import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';

/*
 * Relay connections (https://relay.dev/graphql/connections.htm), shared by every list of the API.
 * Lazy parts (totalCount, and the page-info flag for the side a page did not travel towards) are
 * functions on the object: GraphQL's default resolver calls them only when the field is asked for,
 * so a page without totalCount never runs a count.
 */

export const OrderDirection = { ASC: 'ASC', DESC: 'DESC' } as const;
export type OrderDirection = keyof typeof OrderDirection;
registerEnumType(OrderDirection, {
  name: 'OrderDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest first (A→Z, oldest first).' },
    DESC: { description: 'Largest first (Z→A, newest first).' },
  },
});

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: 'Return the first n rows (after `after`, when given). Default 50, at most 500 (MAX_PAGE_SIZE).',
  })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return rows after this cursor (an `endCursor` or an edge `cursor`).',
  })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Return the last n rows (before `before`, when given), for paging backwards. Not together with `first`.',
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Return rows before this cursor (a `startCursor` or an edge `cursor`).',
  })
  before?: string | null;
}

type Lazy<T> = T | (() => Promise<T>);

@ObjectType('PageInfo', {
  simpleResolvers: true,
  description: 'Where a page sits in the whole list, and the cursors to move on from it.',
})
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more rows follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: Lazy<boolean>;

  @Field(() => Boolean, {
    description: 'True when rows come before this page: ask again with `last: n, before: startCursor`.',
  })
  hasPreviousPage!: Lazy<boolean>;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the first row of the page (null when the page is empty).',
  })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last row of the page (null when the page is empty).',
  })
  endCursor!: string | null;
}

/** A connection, or its promise when it must be fetched first (nestedConnection). */
export type ConnectionAnswer<T> = Connection<T> | Promise<Connection<T>>;

/** What a connection resolver returns. */
export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: () => Promise<number>;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` for a node type.
 *
 * @example
 * export const EnterpriseConnection = connectionType('Enterprise', () => Enterprise, 'enterprises');
 */
export function connectionType(name: string, nodeType: () => ClassType | (abstract new () => object), plural: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One of the ${plural} in a page, with its cursor.` })
  class Edge {
    @Field(() => String, {
      description: 'Where this row sits in the list: pass it as `after` or `before` to page from here.',
    })
    cursor!: string;

    @Field(nodeType, { description: `The row itself.` })
    node!: unknown;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${plural} (a Relay connection).` })
  class ConnectionType implements Connection<unknown> {
    @Field(() => [Edge], { description: 'The rows of this page with their cursors, in order.' })
    edges!: Array<{ cursor: string; node: unknown }>;

    @Field(() => [nodeType()], { description: 'The rows of this page, in order (the same as edges { node }).' })
    nodes!: unknown[];

    @Field(() => PageInfo, {
      description: 'Whether more rows exist before or after this page, and its first and last cursors.',
    })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${plural} match the filter in all (all pages together).` })
    totalCount!: () => Promise<number>;
  }

  Object.defineProperty(ConnectionType, 'name', { value: `${name}Connection` });
  return ConnectionType;
}
