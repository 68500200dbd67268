import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { type AssistanceRow, findAssistanceByIds } from './assistance.queries.ts';
import { Assistance } from './assistance.types.ts';

/** An assistance row as a GraphQL Assistance. */
export function toAssistance(row: AssistanceRow): Assistance {
  return Object.assign(new Assistance(), {
    id: encodeGlobalId('Assistance', row.id),
    rowId: row.id,
    programId: row.program_id,
    enterpriseId: row.enterprise_id,
    kind: row.kind,
    occurredOn: row.occurred_on,
  });
}

/** The request's assistance loader (one statement per batch). */
export function assistanceById(ctx: Context): DataLoader<number, Assistance | null> {
  return loader(
    ctx,
    'assistance.byId',
    () =>
      new DataLoader<number, Assistance | null>(async (ids) => {
        const rows = await findAssistanceByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toAssistance(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
