import { PUBLIC_ROLE, type Role } from '@jejaring/db/enums';
import type { Context } from '../context.ts';
import { AppError } from '../errors.ts';

/** A role of the API: an account's role, or PUBLIC for a request without credentials. */
export type ActorRole = Role | typeof PUBLIC_ROLE;

/**
 * Who makes a request, resolved once per request from its session cookie, bearer token or API key
 * (auth/credentials.ts). PUBLIC when it brings none. `agencyId` is set for an OPERATOR only and
 * comes from its account, never from a request's input.
 */
export interface Actor {
  readonly role: ActorRole;
  /**
   * The regency of the account (absent without credentials). A PUBLIC actor with a regency is a
   * visitor: an account of another regency than the request's (credentials.ts, actorInRegency).
   */
  readonly tenantId?: string;
  readonly userId?: number;
  readonly username?: string;
  readonly agencyId?: number;
  readonly sessionId?: number;
  readonly apiKeyId?: number;
}

export const PUBLIC_ACTOR: Actor = Object.freeze({ role: PUBLIC_ROLE });

/** The roles that may write: ADMIN anywhere, OPERATOR for its own agency (requireAgencyScope). */
export const WRITER_ROLES = ['ADMIN', 'OPERATOR'] as const satisfies readonly Role[];

/**
 * Throws unless the request may write data belonging to the agency `agencyId` (an agency's own
 * rows, or its network units', whose parent is that agency): ADMIN may write for any agency, an
 * OPERATOR only for the agency of its account; every other role, and PUBLIC, may not write at all.
 * Resolve `agencyId` from the database row being written (or, for a new row, from the agency it is
 * filed under), never trust it from the input alone.
 *
 * @example
 * const agencyId = await agencyOfProgram(ctx.db, ctx.tenantId, programId);
 * requireAgencyScope(ctx, agencyId); // FORBIDDEN for an operator of another agency
 */
export function requireAgencyScope(ctx: Pick<Context, 'actor'>, agencyId: number | null | undefined): void {
  const { actor } = ctx;
  if (actor.role === 'ADMIN') return;
  if (actor.role === PUBLIC_ROLE) throw refusedPublic(actor);
  if (actor.role !== 'OPERATOR') throw forbidden(`role ${actor.role} may not change data`);
  if (agencyId == null || actor.agencyId !== agencyId) {
    throw forbidden("an operator may change only its own agency's data", 'agency');
  }
}

/** The agency an OPERATOR writes for (null for ADMIN, who writes for any); throws for other roles. */
export function writingAgency(ctx: Pick<Context, 'actor'>): number | null {
  const { actor } = ctx;
  if (actor.role === 'ADMIN') return null;
  if (actor.role === PUBLIC_ROLE) throw refusedPublic(actor);
  if (actor.role !== 'OPERATOR' || actor.agencyId === undefined) {
    throw forbidden(`role ${actor.role} may not change data`);
  }
  return actor.agencyId;
}

export function unauthenticated(): AppError {
  return new AppError(
    'UNAUTHENTICATED',
    'Masuk terlebih dahulu (sesi atau kunci API). / Sign in first (a session or an API key).',
  );
}

/**
 * Why a PUBLIC actor is refused: UNAUTHENTICATED without credentials (signing in might help);
 * FORBIDDEN for a visitor, an account of another regency (it acts only on its own regency's data).
 */
export function refusedPublic(actor: Pick<Actor, 'tenantId'>): AppError {
  if (actor.tenantId === undefined) return unauthenticated();
  return new AppError(
    'FORBIDDEN',
    `Akses ditolak: akun ini milik wilayah ${actor.tenantId} dan hanya boleh mengubah atau membaca data terbatas wilayah itu. / ` +
      `Forbidden: this account belongs to regency ${actor.tenantId} and may change or read restricted data of that regency only.`,
    { field: 'regency', details: { accountRegency: actor.tenantId } },
  );
}

export function forbidden(reason: string, field?: string): AppError {
  return new AppError('FORBIDDEN', `Akses ditolak: ${reason}. / Forbidden: ${reason}.`, field ? { field } : {});
}
