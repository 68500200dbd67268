import DataLoader from 'dataloader';
import { type Context, loader } from '../../context.ts';
import { encodeGlobalId } from '../../graphql/global-id.ts';
import { findPolicyTargetsByIds, type PolicyTargetRow } from './target.queries.ts';
import { PolicyTarget } from './target.types.ts';

/** A policy target row as a GraphQL PolicyTarget. */
export function toPolicyTarget(row: PolicyTargetRow): PolicyTarget {
  return Object.assign(new PolicyTarget(), {
    id: encodeGlobalId('PolicyTarget', row.id),
    rowId: row.id,
    agencyId: row.agency_id,
    name: row.name,
    legalBasis: row.legal_basis,
    metric: row.metric,
    targetShare: row.target_share,
    fiscalYear: row.fiscal_year,
  });
}

/** The request's policy-target loader (one statement per batch). */
export function policyTargetById(ctx: Context): DataLoader<number, PolicyTarget | null> {
  return loader(
    ctx,
    'policyTarget.byId',
    () =>
      new DataLoader<number, PolicyTarget | null>(async (ids) => {
        const rows = await findPolicyTargetsByIds(ctx.db, ctx.tenantId, ids);
        const byId = new Map(rows.map((row) => [row.id, toPolicyTarget(row)]));
        return ids.map((id) => byId.get(id) ?? null);
      }),
  );
}
