import { randomUUID } from 'node:crypto';
import { checkRupiah, issue, type RuleIssue } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, Float, ID, InputType, Int, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { RupiahScalar } from '../../graphql/scalars.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerOfAgency } from '../audit/writer.ts';
import { programById } from './program.loaders.ts';
import { Program } from './program.types.ts';
import { insertProgram, isAgency, type ProgramColumns, programCodeTaken } from './program-write.queries.ts';

@InputType('ProgramInput', { description: 'A budget program of an agency in a fiscal year.' })
export class ProgramInput {
  @Field(() => ID, { description: 'The Agency that runs it.' })
  agencyId!: string;
  @Field(() => String, { description: 'Its code in the regional budget, unique per agency and year.' })
  code!: string;
  @Field(() => String)
  name!: string;
  @Field(() => Int, { description: 'The fiscal year (the calendar year), 2000-2100.' })
  fiscalYear!: number;
  @Field(() => RupiahScalar, { description: 'The budget (pagu), whole rupiah, at least 0.' })
  budget!: number;
  @Field(() => Float, {
    nullable: true,
    description: 'Its own target share at local UMKM: a fraction 0-1 (0.4, not 40).',
  })
  localTargetShare?: number | null;
}

@Resolver()
export class ProgramWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => Program, {
    description:
      "Registers a program of an agency (an operator: its own agency's). BAD_USER_INPUT for a year, budget or share out of range; CONFLICT when the agency has the code in that year. Audited.",
  })
  async registerProgram(@Arg('input', () => ProgramInput) input: ProgramInput, @Ctx() ctx: Context) {
    const agencyId = decodeGlobalId(input.agencyId, 'input.agencyId', ['Agency']).id;
    const failures: RuleIssue[] = [];
    const code = input.code.trim();
    const name = input.name.trim();
    if (code === '') failures.push(issue('REQUIRED', 'code', 'kode program wajib diisi', 'the code is required'));
    if (name === '') failures.push(issue('REQUIRED', 'name', 'nama program wajib diisi', 'the name is required'));
    if (!Number.isInteger(input.fiscalYear) || input.fiscalYear < 2000 || input.fiscalYear > 2100) {
      failures.push(issue('OUT_OF_RANGE', 'fiscalYear', 'tahun anggaran 2000-2100', 'the fiscal year is 2000-2100'));
    }
    const budget = checkRupiah(input.budget, 'budget', { positive: false });
    if (budget) failures.push(budget);
    const share = input.localTargetShare;
    if (share != null && !(share >= 0 && share <= 1)) {
      failures.push(
        issue(
          'SHARE_RANGE',
          'localTargetShare',
          'target berupa pecahan 0-1 (0,4, bukan 40)',
          'a fraction 0-1 (0.4, not 40)',
        ),
      );
    }
    if (failures.length > 0) throw ruleFailures(failures);
    const columns: ProgramColumns = {
      agency_id: agencyId,
      code,
      name,
      fiscal_year: input.fiscalYear,
      budget: input.budget,
      local_target_share: share ?? null,
    };
    const id = await ctx.db.transaction().execute(async (trx) => {
      if (!(await isAgency(trx, ctx.tenantId, agencyId))) {
        throw localized('NOT_FOUND', 'input.agencyId', { id: 'SKPD tidak ditemukan', en: 'no such agency' });
      }
      const writer = await writerOfAgency(trx, ctx, agencyId);
      if (await programCodeTaken(trx, ctx.tenantId, columns)) {
        throw localized('CONFLICT', 'input.code', {
          id: 'SKPD ini sudah punya program dengan kode ini pada tahun itu',
          en: 'this agency already has a program with this code in that year',
        });
      }
      const id = await insertProgram(trx, ctx.tenantId, `PRG-${randomUUID()}`, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'program.register',
        entity: 'program',
        entityId: id,
        details: { values: columns },
      });
      return id;
    });
    return programById(ctx).load(id);
  }
}
