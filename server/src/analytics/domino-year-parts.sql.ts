import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { firstDayOfYear, yearOf } from './dates.ts';
import type { PeriodRange } from './periods.ts';

/*
 * The yearly parts of the domino matrices (tables analytics_year_state and analytics_domino_year,
 * migration 2026_12_12_1000_domino_year_parts; docs/performance.md "Yearly parts of the
 * matrices"): what a matrix reads of one whole calendar year, kept with the version of that year's
 * rollups. A write into one year moves that year's version only, so the other years' parts stay
 * valid and a matrix over many years reads them instead of their rollups.
 */

/** What a matrix reads of one whole year: the texts of loadMatrix's statements for that year. */
export interface YearPart {
  readonly year: number;
  /** The year's version the texts were read at (analytics_year_state). */
  readonly version: number;
  /** `buyer seller amount` repeated: the year's pairs between parties of L, by month. */
  readonly pairs: string;
  /** `party received paid` repeated: the year's flows of parties of L. */
  readonly flows: string;
  /** `enterprise revenue` repeated: the year's snapshots' revenue per enterprise. */
  readonly snapshots: string;
}

/** A year's part as one statement answered it, with the tenant's analytics version it saw. */
export interface YearRead {
  /** The tenant's analytics version (analytics_state), for loadMatrix's consistency check. */
  readonly tenantVersion: number | null;
  readonly part: YearPart;
  /** Whether the part was read from the store (else from the rollups, and worth storing). */
  readonly stored: boolean;
  /** Whether the year has a version at all (a year with no rollup rows has none, and no part to store). */
  readonly versioned: boolean;
}

/**
 * The tenant's years with rollup rows within the whole years `years` (open ends: every year), with
 * the tenant's analytics version seen by the same statement.
 */
export async function yearsOf(
  db: Kysely<Database>,
  tenantId: string,
  years: PeriodRange,
): Promise<{ tenantVersion: number | null; years: number[] }> {
  const bounds = [sql`tenant_id = ${tenantId}`];
  if (years.first) bounds.push(sql`year >= ${yearOf(years.first)}::smallint`);
  if (years.last) bounds.push(sql`year <= ${yearOf(years.last)}::smallint`);
  const result = await sql<{ version: string | null; years: number[] | null }>`
    SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${tenantId}) AS version,
      (SELECT array_agg(year ORDER BY year) FROM analytics_year_state WHERE ${sql.join(bounds, sql` AND `)}) AS years`.execute(
    db,
  );
  const row = result.rows[0];
  return { tenantVersion: row?.version == null ? null : Number(row.version), years: row?.years ?? [] };
}

/**
 * One whole year's part, in one statement: the stored one when it is of the year's current version
 * (and `useStored`), else read from the rollups (each text computed only when no stored one is
 * taken: COALESCE evaluates its subqueries only when reached).
 */
export async function readYearPart(
  db: Kysely<Database>,
  tenantId: string,
  year: number,
  useStored: boolean,
): Promise<YearRead> {
  const y = sql`${year}::smallint`;
  const result = await sql<{
    version: string | null;
    year_version: string | null;
    stored: boolean;
    pairs: string;
    flows: string;
    snapshots: string;
  }>`
    SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${tenantId}) AS version,
      ys.version AS year_version,
      p.version IS NOT NULL AS stored,
      coalesce(p.pairs, (SELECT coalesce(string_agg(concat_ws(' ', buyer_id, seller_id, amount), ' '), '')
        FROM analytics_pair_month
        WHERE tenant_id = ${tenantId} AND month >= ${firstDayOfYear(year)}::date AND month < ${firstDayOfYear(year + 1)}::date)) AS pairs,
      coalesce(p.flows, (SELECT coalesce(string_agg(concat_ws(' ', party_id, received, paid), ' '), '')
        FROM analytics_party_year WHERE tenant_id = ${tenantId} AND year = ${y})) AS flows,
      coalesce(p.snapshots, (SELECT coalesce(string_agg(concat_ws(' ', enterprise_id, revenue), ' '), '')
        FROM analytics_snapshot_year WHERE tenant_id = ${tenantId} AND year = ${y})) AS snapshots
    FROM (SELECT 1) one
    LEFT JOIN analytics_year_state ys ON ys.tenant_id = ${tenantId} AND ys.year = ${y}
    LEFT JOIN analytics_domino_year p
      ON ${useStored} AND p.tenant_id = ys.tenant_id AND p.year = ys.year AND p.version = ys.version`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the year part statement answered no row');
  return {
    tenantVersion: row.version == null ? null : Number(row.version),
    part: {
      year,
      version: Number(row.year_version ?? 0),
      pairs: row.pairs,
      flows: row.flows,
      snapshots: row.snapshots,
    },
    stored: row.stored,
    versioned: row.year_version != null,
  };
}

/**
 * Stores years' parts read from the rollups, each replacing the tenant's part of that year unless
 * the stored one is of a newer version (years' versions only grow).
 */
export async function storeYearParts(
  db: Kysely<Database>,
  tenantId: string,
  parts: readonly YearPart[],
): Promise<void> {
  for (const part of parts) {
    await sql`
      INSERT INTO analytics_domino_year AS p (tenant_id, year, version, pairs, flows, snapshots, bytes)
      VALUES (${tenantId}, ${part.year}, ${part.version}, ${part.pairs}, ${part.flows}, ${part.snapshots},
        ${part.pairs.length + part.flows.length + part.snapshots.length})
      -- excluded.built_at is the column's default, now(): Citus allows no now() in DO UPDATE SET.
      ON CONFLICT (tenant_id, year) DO UPDATE
        SET version = excluded.version, pairs = excluded.pairs, flows = excluded.flows,
            snapshots = excluded.snapshots, bytes = excluded.bytes, built_at = excluded.built_at
        WHERE p.version < excluded.version`.execute(db);
  }
}

/** The tenant's stored parts (tests, diagnostics): year and version, by year. */
export async function storedYearParts(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Array<{ year: number; version: number }>> {
  const result = await sql<{ year: number; version: string }>`
    SELECT year, version FROM analytics_domino_year WHERE tenant_id = ${tenantId} ORDER BY year`.execute(db);
  return result.rows.map((r) => ({ year: Number(r.year), version: Number(r.version) }));
}
