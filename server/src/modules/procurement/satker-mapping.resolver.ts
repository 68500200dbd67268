import { checkKdSatker } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOf } from '../audit/writer.ts';
import { partyById } from '../party/party.loaders.ts';
import { Agency } from '../party/party.types.ts';
import { isAgency } from '../program/program-write.queries.ts';
import {
  listSatkerMappings,
  lockSatkerMapping,
  type SatkerMappingRow,
  saveEditedMapping,
} from './satker-mapping.queries.ts';
import { SatkerMapping } from './satker-mapping.types.ts';

function toMapping(row: SatkerMappingRow): SatkerMapping {
  return Object.assign(new SatkerMapping(), {
    agencyId: Number(row.agency_id),
    kdSatker: row.kd_satker,
    kdSatkerStr: row.kd_satker_str,
    namaSatker: row.nama_satker,
    source: row.source,
    updatedAt: row.updated_at,
  });
}

/** The work-unit → agency mapping of the ISB import (docs/imports.md, "Work units → agencies"). */
@Resolver(() => SatkerMapping)
export class SatkerMappingResolver {
  @Authorized<ActorRole>(['ANALYST'])
  @Query(() => [SatkerMapping], {
    description:
      'Every work unit (satker) of the ISB imports and the agency it maps to, by kd_satker. ADMIN and ANALYST (read-only).',
  })
  async satkerMappings(@Ctx() ctx: Context): Promise<SatkerMapping[]> {
    return (await listSatkerMappings(ctx.db, ctx.tenantId)).map(toMapping);
  }

  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => SatkerMapping, {
    description:
      "Maps a work unit to an agency (source EDITED; a work unit not imported yet may be mapped ahead). The next ISB import sends the unit's purchases and plans to that agency; rows already imported move when they are imported again. BAD_USER_INPUT for a malformed kdSatker, NOT_FOUND for an agencyId that is no agency of the regency. ADMIN only; audited (satker.map).",
  })
  async mapSatker(
    @Arg('kdSatker', () => String, { description: "The work unit's code (kd_satker)." }) kdSatker: string,
    @Arg('agencyId', () => ID, { description: 'The Agency it is.' }) agencyGlobal: string,
    @Ctx() ctx: Context,
  ): Promise<SatkerMapping> {
    const checked = checkKdSatker(kdSatker, 'kdSatker');
    if (checked.failure) throw ruleFailures([checked.failure], '');
    const kd = checked.value;
    const agencyId = decodeGlobalId(agencyGlobal, 'agencyId', ['Agency']).id;
    const writer = writerOf(ctx);
    const row = await ctx.db.transaction().execute(async (trx) => {
      if (!(await isAgency(trx, ctx.tenantId, agencyId))) {
        throw localized('NOT_FOUND', 'agencyId', { id: 'SKPD tidak ditemukan', en: 'no such agency' });
      }
      const before = await lockSatkerMapping(trx, ctx.tenantId, kd);
      const after = await saveEditedMapping(trx, ctx.tenantId, kd, agencyId);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'satker.map',
        entity: 'satker_mapping',
        entityId: kd,
        details: {
          before: before ? { agencyId: Number(before.agency_id), source: before.source } : null,
          after: { agencyId },
        },
      });
      return after;
    });
    return toMapping(row);
  }

  @FieldResolver(() => Agency, { description: 'The agency the work unit is.' })
  async agency(@Ctx() ctx: Context, @Root() mapping: SatkerMapping): Promise<Agency> {
    const party = await partyById(ctx).load(mapping.agencyId);
    if (!(party instanceof Agency)) throw new Error(`agency ${mapping.agencyId} vanished`);
    return party;
  }
}
