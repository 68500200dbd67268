import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { findProgramsByIds, type ProgramRow } from './program.queries.ts';
import { Program } from './program.types.ts';

/** A program row as a GraphQL Program. */
export function toProgram(row: ProgramRow): Program {
  return Object.assign(new Program(), {
    id: encodeGlobalId('Program', row.id),
    rowId: row.id,
    agencyId: row.agency_id,
    code: row.code,
    name: row.name,
    fiscalYear: row.fiscal_year,
    budget: row.budget,
    localTargetShare: row.local_target_share,
  });
}

/**
 * The request's program loader: `programById(ctx).load(id)` resolves the Program with database id
 * `id` (or null); all ids asked for in the same tick are fetched in one statement.
 */
export function programById(ctx: Context): DataLoader<number, Program | null> {
  return loader(
    ctx,
    'program.byId',
    () =>
      new DataLoader<number, Program | null>(async (ids) => {
        const rows = await findProgramsByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toProgram(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}

/** Maps a program row and primes the request's program loader with it. */
export function toProgramPrimed(ctx: Context, row: ProgramRow): Program {
  const program = toProgram(row);
  programById(ctx).prime(row.id, program);
  return program;
}
