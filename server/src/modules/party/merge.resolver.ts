import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, notFound } from '../../errors.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOfMerge } from '../audit/writer.ts';
import { countPurchasesBetween, lockParties, type MergeCounts, moveReferences } from './merge.queries.ts';
import { toParty } from './party.loaders.ts';
import { findPartiesByIds } from './party.queries.ts';
import { Party } from './party.types.ts';

const MERGEABLE = ['Enterprise', 'Cooperative', 'Vendor'] as const;

@ObjectType('MergeCounts', { description: 'What a merge moved from the duplicate to the survivor.' })
class MergeCountsType implements MergeCounts {
  @Field(() => Int, { description: 'Purchases, as seller or buyer.' })
  transactions!: number;
  @Field(() => Int, { description: 'Voided purchases, as seller or buyer.' })
  voidedTransactions!: number;
  @Field(() => Int)
  products!: number;
  @Field(() => Int, { description: 'Cooperative memberships (those the survivor already had are dropped).' })
  memberships!: number;
  @Field(() => Int)
  assistance!: number;
  @Field(() => Int, { description: 'Monthly snapshots moved.' })
  snapshots!: number;
  @Field(() => Int, { description: "Snapshots of months the survivor already had: the survivor's are kept." })
  snapshotsDropped!: number;
}

@ObjectType('MergePartiesPayload', { description: 'The party that remains after a merge, and what moved to it.' })
export class MergePartiesPayload {
  @Field(() => Party)
  survivor!: Party;

  @Field(() => MergeCountsType)
  moved!: MergeCountsType;
}

@Resolver()
export class MergeResolver {
  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => MergePartiesPayload, {
    description:
      'Merges two records of the same business: every reference to the duplicate (purchases as seller and buyer, voided ones, products, memberships, assistance, snapshots) moves to the survivor, the survivor keeps its values and takes the NIB, NPWP or KBLI code it lacks, and the duplicate is deleted — in one database transaction, audited. Both must be of the same kind: enterprises, cooperatives or vendors. Spending totals and shares stay exactly what they were when the two were classified alike (same region, size, sector); a measure counting distinct sellers counts the business once.',
  })
  async mergeParties(
    @Arg('survivorId', () => ID, { description: 'The record to keep.' }) survivorGlobal: string,
    @Arg('duplicateId', () => ID, { description: 'The record to merge into it and delete.' }) duplicateGlobal: string,
    @Ctx() ctx: Context,
  ): Promise<MergePartiesPayload> {
    const survivor = decodeGlobalId(survivorGlobal, 'survivorId', MERGEABLE);
    const duplicate = decodeGlobalId(duplicateGlobal, 'duplicateId', MERGEABLE);
    if (survivor.id === duplicate.id) {
      throw localized('BAD_USER_INPUT', 'duplicateId', {
        id: 'pihak tidak dapat digabung dengan dirinya sendiri',
        en: 'a party cannot be merged with itself',
      });
    }
    if (survivor.type !== duplicate.type) {
      throw localized('BAD_USER_INPUT', 'duplicateId', {
        id: 'hanya pihak sejenis yang dapat digabung',
        en: 'only parties of the same kind can be merged',
      });
    }
    const writer = writerOfMerge(ctx);
    const moved = await ctx.db.transaction().execute(async (trx) => {
      const parties = await lockParties(trx, ctx.tenantId, [survivor.id, duplicate.id]);
      if (!parties.has(survivor.id)) throw notFound({ id: 'pihak', en: 'Party' }, 'survivorId');
      const gone = parties.get(duplicate.id);
      if (!gone) throw notFound({ id: 'pihak', en: 'Party' }, 'duplicateId');
      if ((await countPurchasesBetween(trx, ctx.tenantId, survivor.id, duplicate.id)) > 0) {
        throw localized('BAD_USER_INPUT', 'duplicateId', {
          id: 'kedua pihak saling bertransaksi; batalkan atau koreksi transaksi itu dahulu',
          en: 'the two parties traded with each other; void or correct those purchases first',
        });
      }
      const counts = await moveReferences(trx, ctx.tenantId, survivor.id, duplicate.id);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'party.merge',
        entity: 'party',
        entityId: survivor.id,
        details: { duplicate: { id: duplicate.id, name: gone.name }, moved: counts },
      });
      return counts;
    });
    const [row] = await findPartiesByIds(ctx.db, ctx.tenantId, [survivor.id]);
    return Object.assign(new MergePartiesPayload(), {
      survivor: row ? toParty(row, ctx.tenantId) : null,
      moved: Object.assign(new MergeCountsType(), moved),
    });
  }
}
