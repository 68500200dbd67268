import { randomUUID } from 'node:crypto';
import { checkDate } from '@jejaring/db/rules';
import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { ActorRole } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { localized, ruleFailures } from '../../errors.ts';
import { AssistanceKind } from '../../graphql/enums.ts';
import { decodeGlobalId } from '../../graphql/global-id.ts';
import { DateScalar } from '../../graphql/scalars.ts';
import { insertAuditEvent } from '../audit/audit.queries.ts';
import { writerAsAdministrator, writerOfAgency } from '../audit/writer.ts';
import { findPartyKind } from '../party/party.queries.ts';
import { serverRuleContext } from '../region/region.rules.ts';
import { assistanceById } from './assistance.loaders.ts';
import { Assistance } from './assistance.types.ts';
import { type AssistanceColumns, findProgramScope, insertAssistance } from './assistance-write.queries.ts';

@InputType('AssistanceInput', { description: 'Help given to an enterprise on a date, under a program.' })
export class AssistanceInput {
  @Field(() => ID, { description: 'The Enterprise that was helped.' })
  enterpriseId!: string;
  @Field(() => AssistanceKind)
  kind!: AssistanceKind;
  @Field(() => DateScalar, { description: "When; not in the future, inside the program's fiscal year." })
  occurredOn!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      "The Program that gave it. An operator records only its own agency's programs' help, so it must give one.",
  })
  programId?: string | null;
}

@Resolver()
export class AssistanceWriteResolver {
  @Authorized<ActorRole>(['OPERATOR'])
  @Mutation(() => Assistance, {
    description:
      "Records help a program gave an enterprise (training, certification, capital, mentoring, market access); it feeds the market-access effect. An operator: under a program of its own agency. BAD_USER_INPUT for a date in the future or outside the program's fiscal year; NOT_FOUND for an unknown enterprise or program. Audited.",
  })
  async recordAssistance(@Arg('input', () => AssistanceInput) input: AssistanceInput, @Ctx() ctx: Context) {
    const enterpriseId = decodeGlobalId(input.enterpriseId, 'input.enterpriseId', ['Enterprise']).id;
    const programId = input.programId ? decodeGlobalId(input.programId, 'input.programId', ['Program']).id : null;
    const rules = await serverRuleContext(ctx.db);
    const columns: AssistanceColumns = {
      enterprise_id: enterpriseId,
      program_id: programId,
      kind: input.kind,
      occurred_on: input.occurredOn,
    };
    const id = await ctx.db.transaction().execute(async (trx) => {
      const program = programId === null ? null : await findProgramScope(trx, ctx.tenantId, programId);
      if (programId !== null && program === null) {
        throw localized('NOT_FOUND', 'input.programId', { id: 'program tidak ditemukan', en: 'no such program' });
      }
      const writer = program
        ? await writerOfAgency(trx, ctx, program.agency_id)
        : writerAsAdministrator(ctx, 'records help outside a program');
      const late = checkDate(input.occurredOn, 'occurredOn', rules.today, program?.fiscal_year);
      if (late) throw ruleFailures([late]);
      if ((await findPartyKind(trx, ctx.tenantId, enterpriseId)) !== 'ENTERPRISE') {
        throw localized('NOT_FOUND', 'input.enterpriseId', { id: 'usaha tidak ditemukan', en: 'no such enterprise' });
      }
      const id = await insertAssistance(trx, ctx.tenantId, `AS-${randomUUID()}`, columns);
      await insertAuditEvent(trx, ctx.tenantId, writer, {
        action: 'assistance.record',
        entity: 'assistance',
        entityId: id,
        details: { values: columns },
      });
      return id;
    });
    return assistanceById(ctx).load(id);
  }
}
