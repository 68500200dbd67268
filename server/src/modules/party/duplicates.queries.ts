import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { withinRegion } from '../region/region.queries.ts';
import { DUPLICATE_SIMILARITY } from './enterprise-write.queries.ts';

/** Two enterprises that are likely one business: ids (the earlier-stored first) and their names' similarity. */
export interface DuplicatePairRow {
  earlier_id: number;
  later_id: number;
  similarity: number;
}

/**
 * Every pair of enterprises with the same region code whose names are very similar (pg_trgm
 * similarity at least DUPLICATE_SIMILARITY, as the LIKELY_DUPLICATE warning of registerEnterprise),
 * neither of them REJECTED; optionally only in a region (at any level). Most similar first, then by
 * the ids. Returns the first `limit` pairs and how many there are in all.
 *
 * Cost: each region code's enterprises are compared with each other (a hash join on the region,
 * then the similarity of every pair in it), so it grows with the square of the enterprises per
 * village: about 150 ms for the 3,068 enterprises of the demo on PostgreSQL (EXPLAIN ANALYZE).
 */
export async function findLikelyDuplicatePairs(
  db: Kysely<Database>,
  tenantId: string,
  options: { regionCode?: string; limit: number },
): Promise<{ total: number; pairs: DuplicatePairRow[] }> {
  const region = options.regionCode ? withinRegion(sql.ref('a.region_code'), options.regionCode) : sql`TRUE`;
  const result = await sql<DuplicatePairRow & { total: string | number }>`
    WITH pairs AS (
      SELECT a.id AS earlier_id, b.id AS later_id, similarity(a.name, b.name)::float8 AS similarity
      FROM party a
      JOIN enterprise_profile ea ON ea.tenant_id = a.tenant_id AND ea.party_id = a.id
      JOIN party b ON b.tenant_id = a.tenant_id AND b.region_code = a.region_code AND b.id > a.id
      JOIN enterprise_profile eb ON eb.tenant_id = b.tenant_id AND eb.party_id = b.id
      WHERE a.tenant_id = ${tenantId} AND a.kind = 'ENTERPRISE' AND b.kind = 'ENTERPRISE'
        AND ea.verification <> 'REJECTED' AND eb.verification <> 'REJECTED'
        AND ${region}
        AND similarity(a.name, b.name) >= ${DUPLICATE_SIMILARITY}
    )
    SELECT earlier_id, later_id, similarity, (SELECT count(*) FROM pairs) AS total
    FROM pairs
    ORDER BY similarity DESC, earlier_id, later_id
    LIMIT ${options.limit}`.execute(db);
  const total = result.rows.length ? Number(result.rows[0]!.total) : 0;
  return {
    total,
    pairs: result.rows.map((r) => ({
      earlier_id: Number(r.earlier_id),
      later_id: Number(r.later_id),
      similarity: Number(r.similarity),
    })),
  };
}
