import { type Kysely, sql } from 'kysely';
import { CLASSIFY_FUNCTIONS } from './analytics/classify.sql.ts';
import { CLASS_COLUMNS } from './analytics/tables.ts';

/*
 * The three analytics functions written in SQL that read or write tenant tables become PL/pgSQL,
 * with the same bodies (docs/scale-out.md, "A distributed engine: Citus"): Citus cannot plan a
 * statement of a SQL-language function that has parameters and names a distributed table
 * ("parameterized queries for SQL functions referencing distributed tables are not supported"),
 * while PL/pgSQL plans each statement with the parameters' values, which routes it to the tenant's
 * shard. Nothing changes on one PostgreSQL server but the language.
 *
 * analytics_reclassify no longer joins analytics_classify's rows with analytics_party_class in one
 * statement: Citus would run that statement on the tenant's shard, and the classification's own
 * queries there are distributed queries nested in a shard's query, which it refuses. It takes the
 * new classes first (as jsonb), then compares and stores them.
 */
const NAMES = ['analytics_classify', 'analytics_bump', 'analytics_apply_parties'];

/** A SQL-language definition of the baseline as the same function in PL/pgSQL. */
export function asPlpgsql(definition: string): string {
  const [head, body] = definition.split('$fn$') as [string, string];
  const statement = body.trim();
  const plpgsql = head.includes('RETURNS TABLE')
    ? // The output columns share names with table columns: the query's columns win.
      `#variable_conflict use_column\n    BEGIN\n      RETURN QUERY ${statement};\n    END`
    : `BEGIN\n      ${statement.replace(/^SELECT /, 'PERFORM ')};\n    END`;
  return `${head.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION').replace('LANGUAGE sql', 'LANGUAGE plpgsql')}$fn$
    ${plpgsql}
    $fn$`;
}

const baseline = (name: string) => {
  const definition = CLASSIFY_FUNCTIONS.find((s) => s.startsWith(`CREATE FUNCTION ${name}(`));
  if (!definition) throw new Error(`no baseline definition of ${name}`);
  return definition;
};

/** analytics_classify's columns, for reading its rows back from jsonb. */
const CLASS_RECORD = `party_id bigint, seller_class text, is_umk boolean, district text, sector text,
  agency_id bigint, buyer_kind text, is_government boolean, in_l boolean`;

const RECLASSIFY = `CREATE OR REPLACE FUNCTION analytics_reclassify(p_tenant text, p_ids bigint[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_all bigint[];
      v_new jsonb;
      v_changed bigint[];
    BEGIN
      WITH RECURSIVE d (id) AS (
        SELECT unnest(p_ids)
        UNION
        SELECT p.id FROM party p JOIN d ON p.tenant_id = p_tenant AND p.parent_id = d.id
      )
      SELECT array_agg(id) INTO v_all FROM d;
      SELECT jsonb_agg(n) INTO v_new FROM analytics_classify(p_tenant, v_all) n;
      SELECT array_agg(n.party_id) INTO v_changed
      FROM jsonb_to_recordset(v_new) n (${CLASS_RECORD})
      LEFT JOIN analytics_party_class o ON o.tenant_id = p_tenant AND o.party_id = n.party_id
      WHERE o.party_id IS NULL
         OR (o.${CLASS_COLUMNS.split(', ').join(', o.')})
            IS DISTINCT FROM
            (n.${CLASS_COLUMNS.split(', ').join(', n.')});
      IF v_changed IS NULL THEN
        RETURN;
      END IF;
      PERFORM analytics_apply_parties(p_tenant, v_changed, -1);
      INSERT INTO analytics_party_class AS c (tenant_id, party_id, ${CLASS_COLUMNS})
        SELECT p_tenant, n.* FROM jsonb_to_recordset(v_new) n (${CLASS_RECORD}) WHERE n.party_id = ANY (v_changed)
      ON CONFLICT (tenant_id, party_id) DO UPDATE SET
        seller_class = excluded.seller_class, is_umk = excluded.is_umk, district = excluded.district,
        sector = excluded.sector, agency_id = excluded.agency_id, buyer_kind = excluded.buyer_kind,
        is_government = excluded.is_government, in_l = excluded.in_l;
      PERFORM analytics_apply_parties(p_tenant, v_changed, 1);
      PERFORM analytics_bump(p_tenant);
    END
    $fn$`;

export async function up(db: Kysely<any>): Promise<void> {
  for (const name of NAMES) await sql.raw(asPlpgsql(baseline(name))).execute(db);
  await sql.raw(RECLASSIFY).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [...NAMES, 'analytics_reclassify']) {
    await sql.raw(baseline(name).replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION')).execute(db);
  }
}
