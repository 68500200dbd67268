import type { ApolloServerPlugin } from '@apollo/server';
import { type Context, loader } from '../context.ts';
import type { Actor } from './actor.ts';
import { insertAuditEvents } from './audit.sql.ts';

/*
 * Personal data of the registry (docs/security.md, "Personal data"): an enterprise owner's name and
 * NIK. Who sees what is decided by `personalAccess` (pure); every value shown unmasked is noted
 * for the request, and the request's notes are written to audit_event in one statement before the
 * answer leaves (personalDataAudit): one row per enterprise read, with who, the fields, the request
 * id and when. Reads are also counted against the account's budget of unmasked records a minute.
 */

export type PersonalField = 'ownerName' | 'ownerNik';

/**
 * Which personal fields of an enterprise registered by `registeringAgencyId` the actor may read
 * unmasked: the owner's name every signed-in role, never PUBLIC; the full NIK only ADMIN and the
 * OPERATOR of the registering agency.
 */
export function personalAccess(
  actor: Pick<Actor, 'role' | 'agencyId'>,
  registeringAgencyId: number | null,
): Record<PersonalField, boolean> {
  switch (actor.role) {
    case 'PUBLIC':
      return { ownerName: false, ownerNik: false };
    case 'ADMIN':
      return { ownerName: true, ownerNik: true };
    case 'OPERATOR':
      return {
        ownerName: true,
        ownerNik: registeringAgencyId !== null && actor.agencyId === registeringAgencyId,
      };
    default:
      return { ownerName: true, ownerNik: false };
  }
}

type Reads = Map<number, Set<PersonalField>>;
const readsOf = (ctx: Context): Reads => loader(ctx, 'auth:personal-reads', () => new Map());

/**
 * May this request see `field` of the enterprise unmasked? When it may and there is a value, the
 * read is noted for the audit and counted against the account's budget (429-style RATE_LIMITED
 * field error when spent).
 */
export function revealPersonal(
  ctx: Context,
  enterprise: { rowId: number; registeringAgencyId: number | null },
  field: PersonalField,
  value: string | null,
): boolean {
  if (!personalAccess(ctx.actor, enterprise.registeringAgencyId)[field]) return false;
  if (value === null) return true;
  const reads = readsOf(ctx);
  let fields = reads.get(enterprise.rowId);
  if (!fields) {
    ctx.http?.takePersonalRead();
    fields = new Set();
    reads.set(enterprise.rowId, fields);
  }
  fields.add(field);
  return true;
}

/** Writes the request's unmasked reads to audit_event (one statement), before the answer is sent. */
export function personalDataAudit(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response }) {
          const reads = ctx.loaders.get('auth:personal-reads') as Reads | undefined;
          if (!reads?.size) return;
          const { actor } = ctx;
          try {
            await insertAuditEvents(
              ctx.db,
              ctx.tenantId,
              [...reads].map(([entityId, fields]) => ({
                userId: actor.userId ?? null,
                action: 'READ_PERSONAL_DATA',
                entity: 'enterprise',
                entityId: String(entityId),
                requestId: ctx.requestId,
                details: {
                  fields: [...fields].sort(),
                  role: actor.role,
                  ...(actor.apiKeyId !== undefined ? { apiKeyId: actor.apiKeyId } : {}),
                },
              })),
            );
          } catch (error) {
            // Fail closed: personal data that could not be audited is not sent.
            ctx.logger.error({ requestId: ctx.requestId, err: error }, 'audit of personal data reads failed');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                errors: [
                  {
                    message: 'Internal server error',
                    extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: ctx.requestId },
                  },
                ],
              };
            }
            response.http.status = 500;
          }
        },
      };
    },
  };
}
