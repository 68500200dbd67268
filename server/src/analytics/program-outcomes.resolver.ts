import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.ts';
import { decodeGlobalId } from '../graphql/global-id.ts';
import { programById } from '../modules/program/program.loaders.ts';
import { Program } from '../modules/program/program.types.ts';
import { programOutcomes } from './program-outcomes.sql.ts';
import { ProgramOutcome } from './program-outcomes.types.ts';
import { assertAgencies } from './spend-scope.queries.ts';
import { validateYear } from './spend-scope.ts';

@Resolver(() => ProgramOutcome)
export class ProgramOutcomesResolver {
  @Query(() => [ProgramOutcome], {
    description:
      'Every program of a fiscal year (of one agency when given) with its budget, what was realised (the purchases tagged with it), the share paid to local UMKM against its target, UMKM reached and assisted, and a status (docs/metrics-outcomes.md "Program outcomes").',
  })
  async programOutcomes(
    @Ctx() ctx: Context,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('agencyId', () => ID, { nullable: true }) agencyId?: string | null,
  ): Promise<ProgramOutcome[]> {
    validateYear(fiscalYear, 'fiscalYear');
    let agency: number | null = null;
    if (agencyId !== undefined && agencyId !== null) {
      agency = decodeGlobalId(agencyId, 'agencyId', ['Agency']).id;
      await assertAgencies(ctx.db, ctx.tenantId, [agency], 'agencyId');
    }
    return programOutcomes(ctx.db, ctx.tenantId, fiscalYear, agency);
  }

  @FieldResolver(() => Program, { description: 'The program.' })
  async program(@Ctx() ctx: Context, @Root() outcome: ProgramOutcome): Promise<Program> {
    const program = await programById(ctx).load(outcome.programId);
    if (!program) throw new Error(`program ${outcome.programId} vanished`);
    return program;
  }
}
