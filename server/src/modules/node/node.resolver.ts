import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { refusedPublic } from '../../auth/actor.ts';
import { checkAccess } from '../../auth/auth-checker.ts';
import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { decodeGlobalId, type NodeType, partyNodeType } from '../../graphql/global-id.ts';
import { Node } from '../../graphql/node.ts';
import { assistanceById } from '../assistance/assistance.loaders.ts';
import { partyById } from '../party/party.loaders.ts';
import { productById } from '../product/product.loaders.ts';
import { programById } from '../program/program.loaders.ts';
import { policyTargetById } from '../target/target.loaders.ts';
import { transactionById } from '../transaction/transaction.loaders.ts';

/** Fetches any node by type and database id through the request's loaders (so many ids batch). */
async function loadNode(ctx: Context, type: NodeType, id: number): Promise<Node | null> {
  switch (type) {
    case 'Agency':
    case 'NetworkUnit':
    case 'Enterprise':
    case 'Cooperative':
    case 'Vendor': {
      const party = await partyById(ctx).load(id);
      // An Agency id must name an agency: a global id is typed, not just a number.
      return party && partyNodeType(party.kind) === type ? party : null;
    }
    case 'Program':
      return programById(ctx).load(id);
    case 'Product':
      return productById(ctx).load(id);
    case 'Transaction':
      // Like the transaction lists: signed-in roles only (an anonymous reader gets UNAUTHENTICATED).
      if (checkAccess(ctx.actor, []) !== 'ALLOWED') throw refusedPublic(ctx.actor);
      return transactionById(ctx).load(id);
    case 'Assistance':
      return assistanceById(ctx).load(id);
    case 'PolicyTarget':
      return policyTargetById(ctx).load(id);
  }
}

const MAX_NODES = 500;

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Fetches any object with a global id (an agency, enterprise, program, transaction…) by that id; null when it no longer exists. A malformed id answers BAD_USER_INPUT.',
  })
  node(
    @Arg('id', () => ID, { description: 'A global id, as returned in any `id` field.' }) id: string,
    @Ctx() ctx: Context,
  ): Promise<Node | null> {
    const { type, id: rowId } = decodeGlobalId(id, 'id');
    return loadNode(ctx, type, rowId);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description:
      'Fetches many objects by global id, in the order given; null for each id that no longer exists. At most 500 ids.',
  })
  nodes(
    @Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[],
    @Ctx() ctx: Context,
  ): Promise<Array<Node | null>> {
    if (ids.length > MAX_NODES)
      throw badInput('ids', {
        id: `paling banyak ${MAX_NODES} id sekaligus, tertulis ${ids.length}`,
        en: `at most ${MAX_NODES} ids at a time, got ${ids.length}`,
      });
    const decoded = ids.map((id) => decodeGlobalId(id, 'ids'));
    return Promise.all(decoded.map(({ type, id }) => loadNode(ctx, type, id)));
  }
}
