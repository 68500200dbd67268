import { type Kysely, sql } from 'kysely';

/**
 * Identities and roles (docs/security.md): the roles of the access-control model, sessions kept in
 * the database (so several API instances share them; only a hash of each token is stored), API keys
 * shown by a prefix, demo accounts marked as such, and the agency that registered an enterprise
 * (whose operators may read its owner's NIK in full).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE app_user DROP CONSTRAINT app_user_role_valid`,
    // VIEWER (read everything but personal data, no writes) is what POLICYMAKER is now.
    sql`UPDATE app_user SET role = 'POLICYMAKER' WHERE role = 'VIEWER'`,
    sql`ALTER TABLE app_user ADD CONSTRAINT app_user_role_valid
      CHECK (role IN ('ADMIN', 'OPERATOR', 'POLICYMAKER', 'DPRD', 'ANALYST'))`,
    sql`ALTER TABLE app_user ADD CONSTRAINT app_user_agency_only_operator CHECK (role = 'OPERATOR' OR agency_id IS NULL)`,
    // Accounts created by the demo loader, with the published demo password.
    sql`ALTER TABLE app_user ADD COLUMN is_demo boolean NOT NULL DEFAULT false`,

    sql`ALTER TABLE api_key ADD COLUMN prefix text NOT NULL DEFAULT ''`,
    sql`ALTER TABLE api_key ADD COLUMN last_used_at timestamptz`,
    sql`ALTER TABLE api_key ADD CONSTRAINT api_key_name_not_blank CHECK (length(btrim(name)) > 0)`,
    sql`CREATE INDEX api_key_user_idx ON api_key (tenant_id, user_id)`,

    sql`CREATE TABLE user_session (
      tenant_id text NOT NULL,
      id bigserial, -- not an identity column (2026_11_30_0910_domain)
      user_id bigint NOT NULL,
      token_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      PRIMARY KEY (tenant_id, id),
      CONSTRAINT user_session_token_unique UNIQUE (tenant_id, token_hash),
      CONSTRAINT user_session_user_fk FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
    )`,
    sql`CREATE INDEX user_session_user_idx ON user_session (tenant_id, user_id)`,

    sql`CREATE INDEX audit_event_occurred_idx ON audit_event (tenant_id, occurred_at)`,

    sql`ALTER TABLE enterprise_profile ADD COLUMN registering_agency_id bigint`,
    sql`ALTER TABLE enterprise_profile ADD CONSTRAINT enterprise_registering_agency_fk
      FOREIGN KEY (tenant_id, registering_agency_id) REFERENCES agency_profile (tenant_id, party_id)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const statements = [
    sql`ALTER TABLE enterprise_profile DROP COLUMN registering_agency_id`,
    sql`DROP INDEX audit_event_occurred_idx`,
    sql`DROP TABLE user_session`,
    sql`DROP INDEX api_key_user_idx`,
    sql`ALTER TABLE api_key DROP CONSTRAINT api_key_name_not_blank`,
    sql`ALTER TABLE api_key DROP COLUMN last_used_at`,
    sql`ALTER TABLE api_key DROP COLUMN prefix`,
    sql`ALTER TABLE app_user DROP COLUMN is_demo`,
    sql`ALTER TABLE app_user DROP CONSTRAINT app_user_agency_only_operator`,
    sql`ALTER TABLE app_user DROP CONSTRAINT app_user_role_valid`,
    sql`UPDATE app_user SET role = 'VIEWER' WHERE role IN ('POLICYMAKER', 'DPRD')`,
    sql`ALTER TABLE app_user ADD CONSTRAINT app_user_role_valid CHECK (role IN ('ADMIN', 'OPERATOR', 'ANALYST', 'VIEWER'))`,
  ];
  for (const statement of statements) await statement.execute(db);
}
