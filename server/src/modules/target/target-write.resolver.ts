import { randomUUID } from 'node:crypto';
import { issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { PolicyMetric } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerAsAdministrator } from '../audit/writer.ts';
import { findPartyKind } from '../party/party.queries.ts';
import { policyTargetById } from './target.loaders.ts';
import { CollectionTarget, PolicyTarget } from './target.types.ts';
import {
  findRegionLevel,
  type PolicyTargetColumns,
  upsertCollectionTarget,
  upsertPolicyTarget,
} from './target-write.queries.ts';

@InputType('PolicyTargetInput', { description: 'A policy target for one fiscal year, for the regency or one agency.' })
export class PolicyTargetInput {
  @Field(() => String, { description: 'Its name, e.g. "Target belanja produk UMKM lokal 2027".' })
  name!: string;
  @Field(() => String, { nullable: true, description: 'The legal basis (a regent regulation, Perpres 12/2021).' })
  legalBasis?: string | null;
  @Field(() => PolicyMetric)
  metric!: PolicyMetric;
  @Field(() => Float, { description: 'The target share, a fraction 0-1 (0.4, not 40).' })
  targetShare!: number;
  @Field(() => Int, { description: 'The fiscal year, 2000-2100.' })
  fiscalYear!: number;
  @Field(() => ID, { nullable: true, description: 'The Agency it is set for; the whole regency when omitted.' })
  agencyId?: string | null;
}

@InputType('CollectionTargetInput', { description: "A district's data-collection (pendataan) target for a year." })
export class CollectionTargetInput {
  @Field(() => String, { description: 'The district (kecamatan) code, e.g. "61.12.01".' })
  regionCode!: string;
  @Field(() => Int, { description: 'The year, 2000-2100.' })
  year!: number;
  @Field(() => Int, { description: 'Enterprises (UMKM) to register, at least 0.' })
  enterprises!: number;
  @Field(() => Int, { description: 'Cooperatives to register, at least 0.' })
  cooperatives!: number;
}

function checkYear(year: number, field: string, failures: RuleIssue[]) {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    failures.push(issue('OUT_OF_RANGE', field, 'tahun 2000-2100', 'the year is 2000-2100'));
  }
}

@Resolver()
export class TargetWriteResolver {
  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => PolicyTarget, {
    description:
      'Sets a policy target (administrators only): one per metric, year and scope, so setting it again replaces the share, name and legal basis; the audit trail keeps the share before. BAD_USER_INPUT for a share or year out of range.',
  })
  async setPolicyTarget(@Arg('input', () => PolicyTargetInput) input: PolicyTargetInput, @Ctx() ctx: Context) {
    const writer = writerAsAdministrator(ctx, 'sets policy targets');
    const agencyId = input.agencyId ? decodeGlobalId(input.agencyId, 'input.agencyId', ['Agency']).id : null;
    const failures: RuleIssue[] = [];
    const name = input.name.trim();
    if (name === '') failures.push(issue('REQUIRED', 'name', 'nama target wajib diisi', 'the name is required'));
    if (!(input.targetShare >= 0 && input.targetShare <= 1)) {
      failures.push(
        issue(
          'SHARE_RANGE',
          'targetShare',
          'target berupa pecahan 0-1 (0,4, bukan 40)',
          'a fraction 0-1 (0.4, not 40)',
        ),
      );
    }
    checkYear(input.fiscalYear, 'fiscalYear', failures);
    if (failures.length > 0) throw ruleFailures(failures);
    const columns: PolicyTargetColumns = {
      name,
      legal_basis: input.legalBasis?.trim() || null,
      metric: input.metric,
      target_share: input.targetShare,
      fiscal_year: input.fiscalYear,
      agency_id: agencyId,
    };
    const id = await ctx.db.transaction().execute(async (trx) => {
      if (agencyId !== null && (await findPartyKind(trx, ctx.tenantId, agencyId)) !== 'AGENCY') {
        throw localized('NOT_FOUND', 'input.agencyId', { id: 'SKPD tidak ditemukan', en: 'no such agency' });
      }
      const { id, before } = await upsertPolicyTarget(trx, ctx.tenantId, `PT-${randomUUID()}`, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'policy_target.set',
        entity: 'policy_target',
        entityId: id,
        details: { values: columns, shareBefore: before },
      });
      return id;
    });
    return policyTargetById(ctx).load(id);
  }

  @Authorized<ActorRole>(['ADMIN'])
  @Mutation(() => CollectionTarget, {
    description:
      "Sets a district's data-collection target for a year (administrators only); setting it again replaces it, and the audit trail keeps the one before. BAD_USER_INPUT for a code that is not a district of the regency, or counts below 0.",
  })
  async setCollectionTarget(
    @Arg('input', () => CollectionTargetInput) input: CollectionTargetInput,
    @Ctx() ctx: Context,
  ) {
    const writer = writerAsAdministrator(ctx, 'sets collection targets');
    const failures: RuleIssue[] = [];
    const code = input.regionCode.trim();
    const level = await findRegionLevel(ctx.db, code);
    if (level !== 3 || !code.startsWith(`${ctx.tenantId}.`)) {
      failures.push(
        issue(
          'REGION_NOT_DISTRICT',
          'regionCode',
          `${code} bukan kecamatan di kabupaten ini`,
          `${code} is not a district (kecamatan) of this regency`,
        ),
      );
    }
    checkYear(input.year, 'year', failures);
    if (input.enterprises < 0) {
      failures.push(issue('OUT_OF_RANGE', 'enterprises', 'tidak boleh negatif', 'must not be negative'));
    }
    if (input.cooperatives < 0) {
      failures.push(issue('OUT_OF_RANGE', 'cooperatives', 'tidak boleh negatif', 'must not be negative'));
    }
    if (failures.length > 0) throw ruleFailures(failures);
    const row = {
      region_code: code,
      year: input.year,
      enterprises: input.enterprises,
      cooperatives: input.cooperatives,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const before = await upsertCollectionTarget(trx, ctx.tenantId, row);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'collection_target.set',
        entity: 'collection_target',
        entityId: `${code}:${input.year}`,
        details: { before, after: row },
      });
    });
    return Object.assign(new CollectionTarget(), {
      regionCode: row.region_code,
      year: row.year,
      enterprises: row.enterprises,
      cooperatives: row.cooperatives,
    });
  }
}
