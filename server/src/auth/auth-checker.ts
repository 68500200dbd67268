import { PUBLIC_ROLE } from '@jejaring/db/enums';
import type { AuthChecker } from 'type-graphql';
import type { Context } from '../context.ts';
import { type Actor, type ActorRole, forbidden, refusedPublic } from './actor.ts';

/**
 * May `actor` use something marked `@Authorized(roles)`? Pure: no I/O, no context.
 *
 * - `@Authorized()` (no roles): anyone signed in, whatever the role; PUBLIC is refused.
 * - `@Authorized(['OPERATOR', …])`: those roles; ADMIN always passes.
 * - PUBLIC listed among the roles lets anonymous requests in too.
 *
 * Answers 'UNAUTHENTICATED' for a PUBLIC actor refused (signing in might help), 'FORBIDDEN' for a
 * signed-in one refused, 'ALLOWED' otherwise.
 */
export function checkAccess(
  actor: Pick<Actor, 'role'>,
  roles: readonly ActorRole[],
): 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' {
  if (roles.includes(actor.role)) return 'ALLOWED';
  if (actor.role === PUBLIC_ROLE) return 'UNAUTHENTICATED';
  if (actor.role === 'ADMIN' || roles.length === 0) return 'ALLOWED';
  return 'FORBIDDEN';
}

/** type-graphql's checker: checkAccess on the request's actor, throwing the coded error it names. */
export const authChecker: AuthChecker<Context, ActorRole> = ({ context, info }, roles) => {
  const verdict = checkAccess(context.actor, roles);
  if (verdict === 'UNAUTHENTICATED') throw refusedPublic(context.actor);
  if (verdict === 'FORBIDDEN') {
    throw forbidden(`${info.parentType.name}.${info.fieldName} is for ${roles.join(', ')}`);
  }
  return true;
};
