import { checkDate, checkRupiah, issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { PartyStatus } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { DateScalar, RupiahScalar } from '../../graphql/scalars.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOfEnterprise } from '../audit/writer.ts';
import { findPartyKind } from '../party/party.queries.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { EnterpriseSnapshot } from './snapshot.types.ts';
import { findSnapshot, upsertSnapshot } from './snapshot-write.queries.ts';

@InputType('EnterpriseSnapshotInput', { description: "One month of an enterprise's periodic survey." })
export class EnterpriseSnapshotInput {
  @Field(() => ID)
  enterpriseId!: string;
  @Field(() => DateScalar, { description: 'The month, as its first day ("2026-03-01"); not a month to come.' })
  period!: string;
  @Field(() => RupiahScalar, { nullable: true, description: "The month's sales, whole rupiah, at least 0." })
  revenue?: number | null;
  @Field(() => Int, { nullable: true, description: 'Workers that month, at least 0.' })
  employees?: number | null;
  @Field(() => PartyStatus, { description: 'ACTIVE, DORMANT (mati suri) or CLOSED that month.' })
  status!: PartyStatus;
}

@Resolver()
export class SnapshotWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => EnterpriseSnapshot, {
    description:
      'Records one month of an enterprise (the survey the recovery index reads); a month recorded before is replaced, and the audit trail keeps both. An operator: the enterprises its agency registered. Audited.',
  })
  async recordSnapshot(
    @Arg('input', () => EnterpriseSnapshotInput) input: EnterpriseSnapshotInput,
    @Ctx() ctx: Context,
  ) {
    const enterpriseId = decodeGlobalId(input.enterpriseId, 'input.enterpriseId', ['Enterprise']).id;
    const rules = await serverRuleContext(ctx.db);
    const failures: RuleIssue[] = [];
    const date = checkDate(input.period, 'period', rules.today);
    if (date) failures.push(date);
    else if (!input.period.endsWith('-01')) {
      failures.push(
        issue(
          'PERIOD_FIRST_OF_MONTH',
          'period',
          'bulan ditulis sebagai tanggal 1 (mis. 2026-03-01)',
          'a month is written as its first day (e.g. 2026-03-01)',
        ),
      );
    }
    if (input.revenue != null) {
      const revenue = checkRupiah(input.revenue, 'revenue', { positive: false });
      if (revenue) failures.push(revenue);
    }
    if (input.employees != null && input.employees < 0) {
      failures.push(issue('OUT_OF_RANGE', 'employees', 'tidak boleh negatif', 'must not be negative'));
    }
    if (failures.length > 0) throw ruleFailures(failures);
    const row = {
      enterprise_id: enterpriseId,
      period: input.period,
      revenue: input.revenue ?? null,
      employees: input.employees ?? null,
      status: input.status,
    };
    await ctx.db.transaction().execute(async (trx) => {
      if ((await findPartyKind(trx, ctx.tenantId, enterpriseId)) !== 'ENTERPRISE') {
        throw localized('NOT_FOUND', 'input.enterpriseId', { id: 'usaha tidak ditemukan', en: 'no such enterprise' });
      }
      const writer = await writerOfEnterprise(trx, ctx, enterpriseId);
      const before = await findSnapshot(trx, ctx.tenantId, enterpriseId, input.period);
      await upsertSnapshot(trx, ctx.tenantId, row);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'snapshot.record',
        entity: 'enterprise_snapshot',
        entityId: `${enterpriseId}:${input.period}`,
        details: { before, after: row },
      });
    });
    return Object.assign(new EnterpriseSnapshot(), {
      enterpriseId,
      period: row.period,
      revenue: row.revenue,
      employees: row.employees,
      status: row.status,
    });
  }
}
