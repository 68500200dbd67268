import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import type { Context } from '../../context.ts';

/** Who writes: the account recorded in the audit trail, the request, and the agency it writes for. */
export interface Writer {
  readonly userId: number | null;
  readonly requestId: string;
  /** The operator's agency; null for an administrator, who writes for any agency. */
  readonly agencyId: number | null;
}

/** The writer of this request. (Access control arrives with issue #9: until then anyone writes.) */
export function writerOf(ctx: Context): Writer {
  return { userId: null, requestId: ctx.requestId, agencyId: null };
}

/** The writer of this request, allowed to change the given enterprise. */
export async function writerOfEnterprise(_trx: Kysely<Database>, ctx: Context, _enterpriseId: number): Promise<Writer> {
  return writerOf(ctx);
}

/** The writer of this request, allowed to record purchases of the given buyer (its agency or network). */
export async function writerOfPurchase(_trx: Kysely<Database>, ctx: Context, _buyerId: number): Promise<Writer> {
  return writerOf(ctx);
}

/** The writer of this request, allowed to merge parties (administrators). */
export function writerOfMerge(ctx: Context): Writer {
  return writerOf(ctx);
}
