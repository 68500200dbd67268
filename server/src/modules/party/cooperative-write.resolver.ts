import { randomUUID } from 'node:crypto';
import { checkDate, checkNpwp, checkRegionCode, issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { CoopType, SizeClass } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { DateScalar } from '../../graphql/scalars.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOf } from '../audit/writer.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { type CooperativeColumns, insertCooperative, upsertMembership } from './cooperative-write.queries.ts';
import { findPartyWithIdentifier } from './enterprise-write.queries.ts';
import { toParty } from './party.loaders.ts';
import { findPartiesByIds } from './party.queries.ts';
import { Cooperative } from './party.types.ts';

@InputType('CooperativeInput', { description: 'A cooperative as entered; checked by the shared rules.' })
export class CooperativeInput {
  @Field(() => String)
  name!: string;
  @Field(() => String, { nullable: true, description: 'Where it is located (a region code that exists).' })
  regionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The legal registration number; another cooperative with it is a CONFLICT.',
  })
  registrationNo?: string | null;
  @Field(() => CoopType, { nullable: true, description: 'OTHER when omitted.' })
  coopType?: CoopType | null;
  @Field(() => Int, { nullable: true, description: 'Members as reported, at least 0.' })
  membersCount?: number | null;
  @Field(() => String, { nullable: true, description: 'NPWP, either form (stored in 16 digits).' })
  npwp?: string | null;
  @Field(() => SizeClass, { nullable: true })
  sizeClass?: SizeClass | null;
  @Field(() => DateScalar, { nullable: true, description: 'When it entered the registry; not in the future.' })
  registeredOn?: string | null;
}

@ObjectType('CooperativePayload')
export class CooperativePayload {
  @Field(() => Cooperative)
  cooperative!: Cooperative;
}

async function load(ctx: Context, id: number): Promise<CooperativePayload> {
  const [row] = await findPartiesByIds(ctx.db, ctx.tenantId, [id]);
  return Object.assign(new CooperativePayload(), { cooperative: row ? toParty(row, ctx.tenantId) : null });
}

@Resolver()
export class CooperativeWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => CooperativePayload, {
    description:
      'Registers a cooperative as a DRAFT. BAD_USER_INPUT for what the rules refuse; CONFLICT for a registration number or NPWP already registered. Audited.',
  })
  async registerCooperative(@Arg('input', () => CooperativeInput) input: CooperativeInput, @Ctx() ctx: Context) {
    const writer = writerOf(ctx);
    const rules = await serverRuleContext(ctx.db);
    const failures: RuleIssue[] = [];
    const name = input.name.trim();
    if (name === '') failures.push(issue('REQUIRED', 'name', 'nama koperasi wajib diisi', 'the name is required'));
    const take = (checked: { value: string | null; failure: RuleIssue | null }) => {
      if (checked.failure) failures.push(checked.failure);
      return checked.value;
    };
    const regionCode = input.regionCode ? take(checkRegionCode(input.regionCode, 'regionCode', rules)) : null;
    const npwp = input.npwp ? take(checkNpwp(input.npwp, 'npwp', rules)) : null;
    if (input.registeredOn) {
      const failure = checkDate(input.registeredOn, 'registeredOn', rules.today);
      if (failure) failures.push(failure);
    }
    if (input.membersCount != null && input.membersCount < 0) {
      failures.push(issue('OUT_OF_RANGE', 'membersCount', 'tidak boleh negatif', 'must not be negative'));
    }
    if (failures.length > 0) throw ruleFailures(failures);
    const columns: CooperativeColumns = {
      name,
      region_code: regionCode,
      npwp,
      size_class: input.sizeClass ?? null,
      registered_on: input.registeredOn ?? null,
      registration_no: input.registrationNo?.trim() || null,
      coop_type: input.coopType ?? 'OTHER',
      members_count: input.membersCount ?? null,
    };
    const id = await ctx.db.transaction().execute(async (trx) => {
      if (npwp && (await findPartyWithIdentifier(trx, ctx.tenantId, 'npwp', npwp, null)) !== null) {
        throw localized('CONFLICT', 'input.npwp', {
          id: 'NPWP ini sudah terdaftar untuk pihak lain',
          en: 'another party is already registered with this NPWP',
        });
      }
      const id = await insertCooperative(trx, ctx.tenantId, `KOP-${randomUUID()}`, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'cooperative.register',
        entity: 'party',
        entityId: id,
        details: { values: columns },
      });
      return id;
    });
    return load(ctx, id);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => CooperativePayload, {
    description: 'Records an enterprise as a member of a cooperative (since joinedOn). Audited.',
  })
  async addCooperativeMember(
    @Arg('cooperativeId', () => ID) cooperativeGlobal: string,
    @Arg('enterpriseId', () => ID) enterpriseGlobal: string,
    @Arg('joinedOn', () => DateScalar, { nullable: true }) joinedOn: string | null,
    @Ctx() ctx: Context,
  ) {
    const writer = writerOf(ctx);
    const cooperative = decodeGlobalId(cooperativeGlobal, 'cooperativeId', ['Cooperative']).id;
    const enterprise = decodeGlobalId(enterpriseGlobal, 'enterpriseId', ['Enterprise']).id;
    const rules = await serverRuleContext(ctx.db);
    const late = joinedOn ? checkDate(joinedOn, 'joinedOn', rules.today) : null;
    if (late) throw ruleFailures([late], '');
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await upsertMembership(trx, ctx.tenantId, cooperative, enterprise, joinedOn))) {
        throw localized('NOT_FOUND', 'cooperativeId', {
          id: 'koperasi atau usaha tidak ditemukan',
          en: 'no such cooperative or enterprise',
        });
      }
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'cooperative.member',
        entity: 'party',
        entityId: cooperative,
        details: { member: enterprise, joinedOn },
      });
    });
    return load(ctx, cooperative);
  }
}
