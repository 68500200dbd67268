import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';
import { forbidden, requireAgencyScope, writingAgency } from '../../auth/actor.ts';
import type { Context } from '../../context.ts';
import { findAgenciesOfUnits } from '../party/party.queries.ts';
import { findRegisteringAgency } from './writer.queries.ts';

/*
 * Who may write what (docs/data-entry.md, "Who may write"): ADMIN anything; an OPERATOR the
 * enterprises its agency registered and the purchases of its agency and its network; every other
 * role nothing. Each function throws UNAUTHENTICATED or FORBIDDEN, else returns the writer that
 * the audit trail records.
 */

/** Who writes: the account recorded in the audit trail, the request, and the agency it writes for. */
export interface Writer {
  readonly userId: number | null;
  readonly requestId: string;
  /** The operator's agency; null for an administrator, who writes for any agency. */
  readonly agencyId: number | null;
}

function writer(ctx: Context, agencyId: number | null): Writer {
  return { userId: ctx.actor.userId ?? null, requestId: ctx.requestId, agencyId };
}

/** A writer of this request: an administrator, or an operator writing for its own agency. */
export function writerOf(ctx: Context): Writer {
  return writer(ctx, writingAgency(ctx));
}

/** The writer of this request, allowed to change the given enterprise (registered by its agency). */
export async function writerOfEnterprise(trx: Kysely<Database>, ctx: Context, enterpriseId: number): Promise<Writer> {
  const self = writerOf(ctx);
  if (self.agencyId === null) return self;
  requireAgencyScope(ctx, await findRegisteringAgency(trx, ctx.tenantId, enterpriseId));
  return self;
}

/** The writer of this request, allowed to record purchases of the given buyer (its agency or network). */
export async function writerOfPurchase(trx: Kysely<Database>, ctx: Context, buyerId: number): Promise<Writer> {
  const self = writerOf(ctx);
  if (self.agencyId === null) return self;
  const agency =
    buyerId === self.agencyId ? buyerId : (await findAgenciesOfUnits(trx, ctx.tenantId, [buyerId])).get(buyerId);
  requireAgencyScope(ctx, agency);
  return self;
}

/** The writer of this request when only an administrator may do it (`what`: "merges parties"). */
export function writerAsAdministrator(ctx: Context, what: string): Writer {
  const self = writerOf(ctx);
  if (self.agencyId !== null) throw forbidden(`only an administrator ${what}`);
  return self;
}

/** The writer of this request, allowed to merge parties: administrators only. */
export function writerOfMerge(ctx: Context): Writer {
  return writerAsAdministrator(ctx, 'merges parties');
}

/** The writer of this request, allowed to write an agency's own records (its programs): as for its purchases. */
export function writerOfAgency(trx: Kysely<Database>, ctx: Context, agencyId: number): Promise<Writer> {
  return writerOfPurchase(trx, ctx, agencyId);
}
