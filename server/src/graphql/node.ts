import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * The Relay `Node` interface: anything with an opaque global id that `node(id)` can fetch again.
 * Global ids are made by graphql/global-id.ts; clients must treat them as opaque strings.
 */
@InterfaceType('Node', {
  description:
    'Anything with a global id. Pass the id to `node(id: …)` to fetch the same object again; ids are opaque strings, stable for the life of the record.',
})
export abstract class Node {
  @Field(() => ID, {
    description: 'The global id: opaque, unique across every type, stable for the life of the record.',
  })
  id!: string;
}
