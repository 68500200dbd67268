import { randomUUID } from 'node:crypto';
import { checkRegionCode, issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { UnitType } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOfPurchase } from '../audit/writer.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { insertNetworkUnit, type NetworkUnitColumns } from './network-unit-write.queries.ts';
import { partyById } from './party.loaders.ts';
import { findPartyKind } from './party.queries.ts';
import { NetworkUnit } from './party.types.ts';

@InputType('NetworkUnitInput', {
  description: "A unit of an agency's network (a school, a health centre, a village government, …).",
})
export class NetworkUnitInput {
  @Field(() => ID, { description: 'The Agency it belongs to, or the NetworkUnit it sits under.' })
  parentId!: string;
  @Field(() => String)
  name!: string;
  @Field(() => UnitType)
  unitType!: UnitType;
  @Field(() => Boolean, {
    description:
      'Whether it is a public body, a government buyer whose purchases count as government spending (a school, a health centre, a village government: true; a BUMDes or a civil-servant association: false).',
  })
  isGovernment!: boolean;
  @Field(() => String, { nullable: true, description: 'Where it is located (a region code that exists).' })
  regionCode?: string | null;
  @Field(() => Int, { nullable: true, description: 'Members or staff, at least 0.' })
  members?: number | null;
}

@Resolver()
export class NetworkUnitWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => NetworkUnit, {
    description:
      "Registers a unit of an agency's network under the agency or one of its units (an operator: its own agency's network). Its purchases then count for the agency with includeNetwork. BAD_USER_INPUT for what the rules refuse; NOT_FOUND for a parent that is not an agency or a unit. Audited.",
  })
  async registerNetworkUnit(@Arg('input', () => NetworkUnitInput) input: NetworkUnitInput, @Ctx() ctx: Context) {
    const parentId = decodeGlobalId(input.parentId, 'input.parentId', ['Agency', 'NetworkUnit']).id;
    const rules = await serverRuleContext(ctx.db);
    const failures: RuleIssue[] = [];
    const name = input.name.trim();
    if (name === '') failures.push(issue('REQUIRED', 'name', 'nama unit wajib diisi', 'the name is required'));
    let regionCode: string | null = null;
    if (input.regionCode) {
      const checked = checkRegionCode(input.regionCode, 'regionCode', rules);
      if (checked.failure) failures.push(checked.failure);
      regionCode = checked.value;
    }
    if (input.members != null && input.members < 0) {
      failures.push(issue('OUT_OF_RANGE', 'members', 'tidak boleh negatif', 'must not be negative'));
    }
    if (failures.length > 0) throw ruleFailures(failures);
    const columns: NetworkUnitColumns = {
      parent_id: parentId,
      name,
      region_code: regionCode,
      is_government: input.isGovernment,
      unit_type: input.unitType,
      members: input.members ?? null,
    };
    const id = await ctx.db.transaction().execute(async (trx) => {
      const kind = await findPartyKind(trx, ctx.tenantId, parentId);
      if (kind !== 'AGENCY' && kind !== 'NETWORK_UNIT') {
        throw localized('NOT_FOUND', 'input.parentId', {
          id: 'SKPD atau unit jejaring tidak ditemukan',
          en: 'no such agency or network unit',
        });
      }
      const writer = await writerOfPurchase(trx, ctx, parentId);
      const id = await insertNetworkUnit(trx, ctx.tenantId, `NU-${randomUUID()}`, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'network_unit.register',
        entity: 'party',
        entityId: id,
        details: { values: columns },
      });
      return id;
    });
    return partyById(ctx).load(id);
  }
}
