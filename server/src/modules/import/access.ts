import type { Request } from 'express';
import type { Actor, ActorRole } from '../../auth/actor.ts';

/**
 * Why a plain HTTP route (upload, download) refuses a request, or null when it may go on: 401
 * without valid credentials, 403 when the role is not among `roles` (null: any signed-in role).
 * GraphQL resolvers use @Authorized instead.
 */
export async function refusal(
  actorOf: (req: Request) => Promise<Actor>,
  req: Request,
  roles: readonly ActorRole[] | null,
): Promise<{ status: 401 | 403; code: 'UNAUTHENTICATED' | 'FORBIDDEN'; message: string } | null> {
  const actor = await actorOf(req).catch(() => null);
  if (!actor || actor.role === 'PUBLIC') {
    return { status: 401, code: 'UNAUTHENTICATED', message: 'masuk dulu / sign in first (session or API key)' };
  }
  if (roles && !roles.includes(actor.role)) {
    return {
      status: 403,
      code: 'FORBIDDEN',
      message: `peran ${actor.role} tidak boleh / role ${actor.role} may not do this (${roles.join(', ')} only)`,
    };
  }
  return null;
}
