import type { Database } from '@jejaring/db';
import type { Kysely } from 'kysely';

export interface AuditEvent {
  userId: number | null;
  action: string;
  entity: string;
  entityId: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** Appends events to audit_event in one statement. */
export async function insertAuditEvents(
  db: Kysely<Database>,
  tenantId: string,
  events: readonly AuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      events.map((e) => ({
        tenant_id: tenantId,
        user_id: e.userId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        request_id: e.requestId,
        details: JSON.stringify(e.details),
      })),
    )
    .execute();
}
