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
  if (actor.role === PUBLIC_ROLE) throw unauthenticated();
  if (actor.role !== 'OPERATOR') throw forbidden(`role ${actor.role} may not change data`);
  if (agencyId == null || actor.agencyId !== agencyId) {
    throw forbidden("an operator may change only its own agency's data", 'agency');
  }
}

/** The agency an OPERATOR writes for (null for ADMIN, who writes for any); throws for other roles. */
export function writingAgency(ctx: Pick<Context, 'actor'>): number | null {
  const { actor } = ctx;
  if (actor.role === 'ADMIN') return null;
  if (actor.role === PUBLIC_ROLE) throw unauthenticated();
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

export function forbidden(reason: string, field?: string): AppError {
  return new AppError('FORBIDDEN', `Akses ditolak: ${reason}. / Forbidden: ${reason}.`, field ? { field } : {});
}
