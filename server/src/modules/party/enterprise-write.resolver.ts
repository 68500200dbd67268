import { randomUUID } from 'node:crypto';
import type { Database } from '@jejaring/db';
import { checkEnterprise, type EnterpriseFields, issue, type RuleContext, type RuleIssue } from '@jejaring/db/rules';
import type { Kysely } from 'kysely';
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, notFound, ruleFailures } from '../../errors.ts';
import { toWarning } from '../../graphql/data-issue.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOf, writerOfEnterprise } from '../audit/writer.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { EnterpriseInput } from './enterprise-write.inputs.ts';
import {
  type EnterpriseColumns,
  type EnterpriseState,
  findLikelyDuplicates,
  findPartyWithIdentifier,
  insertEnterprise,
  lockEnterprise,
  setEnterpriseVerification,
  updateEnterpriseColumns,
} from './enterprise-write.queries.ts';
import { EnterprisePayload } from './enterprise-write.types.ts';
import { toParty } from './party.loaders.ts';
import { findPartiesByIds } from './party.queries.ts';
import type { Enterprise } from './party.types.ts';

/** Columns whose values are personal data: the audit trail records that they changed, never the values. */
const PERSONAL = new Set(['owner_name', 'owner_nik']);

/** What changed between two states, for the audit trail (personal values left out). */
function changes(before: Partial<EnterpriseColumns> | null, after: EnterpriseColumns): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    const old = before?.[key as keyof EnterpriseColumns] ?? null;
    if (before && old === value) continue;
    out[key] = PERSONAL.has(key) ? (value === null ? null : '[personal data]') : value;
  }
  return out;
}

/** The state as the rules' input (for checking a patch against what is stored). */
function fieldsOf(state: EnterpriseState): EnterpriseFields {
  return {
    name: state.name,
    regionCode: state.region_code,
    nib: state.nib,
    npwp: state.npwp,
    kbliCode: state.kbli_code,
    ownerName: state.owner_name,
    ownerNik: state.owner_nik,
    ownerGender: state.owner_gender,
    foundedYear: state.founded_year,
    employees: state.employees,
    capital: state.capital,
    annualRevenue: state.annual_revenue,
    // A stored class derived from figures is not a given class: only a class without figures is.
    sizeClass: state.size_basis ? null : state.size_class,
    registeredOn: state.registered_on,
  };
}

/** Input fields given (absent ones keep the stored value). */
function patch(base: EnterpriseFields, input: EnterpriseInput): EnterpriseFields {
  const given = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
  return { ...base, ...given } as EnterpriseFields;
}

/**
 * The rules' verdict on an enterprise's fields. `rules` is read before the database transaction
 * opens: PGlite has one connection, which the transaction holds.
 */
function checked(
  rules: RuleContext,
  fields: EnterpriseFields,
  status: EnterpriseColumns['status'],
): { columns: EnterpriseColumns; warnings: RuleIssue[] } {
  const result = checkEnterprise(fields, rules);
  if (result.failures.length > 0) throw ruleFailures(result.failures);
  const v = result.value;
  return {
    warnings: [...result.warnings],
    columns: {
      name: v.name,
      region_code: v.regionCode ?? null,
      npwp: v.npwp ?? null,
      size_class: v.sizeClass,
      status,
      registered_on: v.registeredOn ?? null,
      nib: v.nib ?? null,
      kbli_code: v.kbliCode ?? null,
      owner_name: v.ownerName?.trim() || null,
      owner_nik: v.ownerNik ?? null,
      owner_gender: v.ownerGender,
      founded_year: v.foundedYear ?? null,
      employees: v.employees ?? null,
      capital: v.capital ?? null,
      annual_revenue: v.annualRevenue ?? null,
      size_basis: v.sizeBasis,
    },
  };
}

/** CONFLICT when another party already holds the NIB or NPWP (the unique indexes catch a race). */
async function refuseTakenIdentifiers(trx: Kysely<Database>, ctx: Context, c: EnterpriseColumns, self: number | null) {
  if (c.nib && (await findPartyWithIdentifier(trx, ctx.tenantId, 'nib', c.nib, self)) !== null) {
    throw localized('CONFLICT', 'input.nib', {
      id: 'NIB ini sudah terdaftar untuk usaha lain',
      en: 'another enterprise is already registered with this NIB',
    });
  }
  if (c.npwp && (await findPartyWithIdentifier(trx, ctx.tenantId, 'npwp', c.npwp, self)) !== null) {
    throw localized('CONFLICT', 'input.npwp', {
      id: 'NPWP ini sudah terdaftar untuk pihak lain',
      en: 'another party is already registered with this NPWP',
    });
  }
}

async function loadEnterprises(ctx: Context, ids: readonly number[]): Promise<Enterprise[]> {
  if (ids.length === 0) return [];
  const rows = await findPartiesByIds(ctx.db, ctx.tenantId, ids);
  const byId = new Map(rows.map((row) => [row.id, toParty(row, ctx.tenantId) as Enterprise]));
  return ids.map((id) => byId.get(id)).filter((e): e is Enterprise => e !== undefined);
}

async function payload(ctx: Context, id: number, warnings: RuleIssue[], duplicates: number[]) {
  const [enterprise] = await loadEnterprises(ctx, [id]);
  return Object.assign(new EnterprisePayload(), {
    enterprise,
    warnings: warnings.map((w) => toWarning(w)),
    likelyDuplicates: await loadEnterprises(ctx, duplicates),
  });
}

/** LIKELY_DUPLICATE when enterprises of the same village have very similar names. */
async function duplicatesOf(trx: Kysely<Database>, ctx: Context, c: EnterpriseColumns, self: number | null) {
  if (!c.region_code) return { ids: [], warning: null };
  const found = await findLikelyDuplicates(trx, ctx.tenantId, c.region_code, c.name, self);
  if (found.length === 0) return { ids: [], warning: null };
  const names = found.map((d) => `"${d.name}"`).join(', ');
  return {
    ids: found.map((d) => d.id),
    warning: issue(
      'LIKELY_DUPLICATE',
      'name',
      `nama sangat mirip dengan usaha yang sudah terdaftar di wilayah yang sama: ${names}; gabungkan bila usaha yang sama`,
      `the name is very similar to enterprises already registered in the same region: ${names}; merge them if they are the same business`,
    ),
  };
}

@Resolver()
export class EnterpriseWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => EnterprisePayload, {
    description:
      'Registers an enterprise in the UMKM registry as a DRAFT. BAD_USER_INPUT names every field the rules refuse (docs/data-entry.md); CONFLICT for a NIB or NPWP already registered. Accepted with warnings for a contradicting size class or likely duplicates in the same village. Audited.',
  })
  async registerEnterprise(@Arg('input', () => EnterpriseInput) input: EnterpriseInput, @Ctx() ctx: Context) {
    const writer = writerOf(ctx);
    const rules = await serverRuleContext(ctx.db);
    const { columns, warnings } = checked(rules, patch({ name: input.name }, input), input.status ?? 'ACTIVE');
    const { id, duplicates } = await ctx.db.transaction().execute(async (trx) => {
      await refuseTakenIdentifiers(trx, ctx, columns, null);
      const id = await insertEnterprise(trx, ctx.tenantId, `ENT-${randomUUID()}`, columns, writer.agencyId);
      const duplicates = await duplicatesOf(trx, ctx, columns, id);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'enterprise.register',
        entity: 'party',
        entityId: id,
        details: { values: changes(null, columns), likelyDuplicates: duplicates.ids },
      });
      return { id, duplicates };
    });
    if (duplicates.warning) warnings.push(duplicates.warning);
    return payload(ctx, id, warnings, duplicates.ids);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => EnterprisePayload, {
    description:
      'Changes an enterprise: fields left out keep their values, null clears one. The same rules, conflicts and warnings as registerEnterprise. Audited with what changed.',
  })
  async updateEnterprise(
    @Arg('id', () => ID, { description: 'The id of an Enterprise.' }) globalId: string,
    @Arg('input', () => EnterpriseInput) input: EnterpriseInput,
    @Ctx() ctx: Context,
  ) {
    const { id } = decodeGlobalId(globalId, 'id', ['Enterprise']);
    const rules = await serverRuleContext(ctx.db);
    const result = await ctx.db.transaction().execute(async (trx) => {
      const before = await lockEnterprise(trx, ctx.tenantId, id);
      if (!before) throw notFound({ id: 'usaha', en: 'Enterprise' }, 'id');
      const writer = await writerOfEnterprise(trx, ctx, id);
      const { columns, warnings } = checked(rules, patch(fieldsOf(before), input), input.status ?? before.status);
      await refuseTakenIdentifiers(trx, ctx, columns, id);
      await updateEnterpriseColumns(trx, ctx.tenantId, id, columns);
      const moved = columns.name !== before.name || columns.region_code !== before.region_code;
      const duplicates = moved ? await duplicatesOf(trx, ctx, columns, id) : { ids: [], warning: null };
      if (duplicates.warning) warnings.push(duplicates.warning);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'enterprise.update',
        entity: 'party',
        entityId: id,
        details: { changed: changes(before, columns) },
      });
      return { warnings, duplicates: duplicates.ids };
    });
    return payload(ctx, id, result.warnings, result.duplicates);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => EnterprisePayload, {
    description: 'Marks a registry entry as VERIFIED (checked in the field). Audited.',
  })
  verifyEnterprise(@Arg('id', () => ID, { description: 'The id of an Enterprise.' }) id: string, @Ctx() ctx: Context) {
    return setVerification(ctx, id, 'VERIFIED', null);
  }

  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => EnterprisePayload, {
    description: 'Marks a registry entry as REJECTED (not a real or eligible business), with the reason. Audited.',
  })
  rejectEnterprise(
    @Arg('id', () => ID, { description: 'The id of an Enterprise.' }) id: string,
    @Arg('reason', () => String, { description: 'Why it was rejected (kept in the audit trail).' }) reason: string,
    @Ctx() ctx: Context,
  ) {
    if (reason.trim() === '') {
      throw localized('BAD_USER_INPUT', 'reason', { id: 'alasan penolakan wajib diisi', en: 'a reason is required' });
    }
    return setVerification(ctx, id, 'REJECTED', reason.trim());
  }
}

async function setVerification(
  ctx: Context,
  globalId: string,
  verification: 'VERIFIED' | 'REJECTED',
  reason: string | null,
) {
  const { id } = decodeGlobalId(globalId, 'id', ['Enterprise']);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await lockEnterprise(trx, ctx.tenantId, id);
    if (!before) throw notFound({ id: 'usaha', en: 'Enterprise' }, 'id');
    const writer = await writerOfEnterprise(trx, ctx, id);
    await setEnterpriseVerification(trx, ctx.tenantId, id, verification);
    await insertAuditEvent(trx, ctx.tenantId, writer, {
      action: verification === 'VERIFIED' ? 'enterprise.verify' : 'enterprise.reject',
      entity: 'party',
      entityId: id,
      details: { from: before.verification, to: verification, ...(reason ? { reason } : {}) },
    });
  });
  return payload(ctx, id, [], []);
}
