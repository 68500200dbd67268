import type { Database } from '@jejaring/db';
import type { PartSpan } from '@jejaring/db/enums';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { firstDayOfYear, nextPeriod, periodStart, periodsBetween, yearOf } from './dates.ts';
import type { PeriodRange } from './periods.ts';

/*
 * The stored parts of the domino matrices (tables analytics_part_state and analytics_domino_part,
 * migration 2026_12_12_1000_domino_parts; docs/domino-parts.md "Stored parts"):
 * what a matrix reads of one whole calendar year or month, kept with the version of what it read.
 * A write into one month moves that month's version and its year's, so the other months' and
 * years' parts stay current and a matrix reads them instead of their rollups.
 */

/** A whole month or year, named by its first day. */
export interface PartKey {
  readonly span: PartSpan;
  readonly start: string;
}

/** What a matrix reads of one whole month or year: the texts of loadMatrix's statements for it. */
export interface Part extends PartKey {
  /** The version the texts were read at (from analytics_part_state). */
  readonly version: number;
  /** `buyer seller amount` repeated: the pairs between parties of L, by month. */
  readonly pairs: string;
  /** `party received paid` repeated: the flows of parties of L. */
  readonly flows: string;
  /** `enterprise revenue` repeated: the snapshots' revenue per enterprise. */
  readonly snapshots: string;
}

/** A part as one statement answered it, with the tenant's analytics version it saw. */
export interface PartRead {
  /** The tenant's analytics version (analytics_state), for loadMatrix's consistency check. */
  readonly tenantVersion: number | null;
  readonly part: Part;
  /** Whether the part was read from the store (else from the rollups, and worth storing). */
  readonly stored: boolean;
}

/** A version as a statement answers it (bigint as text; null when the tenant has none yet). */
const asVersion = (value: string | null | undefined): number | null => (value == null ? null : Number(value));

/**
 * The whole years within `years` (open ends allowed) and the whole months within the closed ranges
 * `months`, as parts (the tenant's latest year with data as its months), from the first to the
 * last month the tenant has data in (read by the tables' indexes, so that no month with data is
 * left out even if its version were missing, and a range far wider than the data lists no empty
 * parts), with the tenant's analytics version and the version of its party classes
 * (analytics_class_state) seen by the same statement.
 */
export async function partsOf(
  db: Kysely<Database>,
  tenantId: string,
  years: PeriodRange | null,
  months: readonly PeriodRange[],
): Promise<{ tenantVersion: number | null; classVersion: number | null; parts: PartKey[] }> {
  const t = tenantId;
  const bounds = (fn: 'min' | 'max') =>
    sql`to_char(${sql.raw(fn === 'min' ? 'least' : 'greatest')}(
      (SELECT ${sql.raw(fn)}(month) FROM analytics_pair_month WHERE tenant_id = ${t}),
      (SELECT ${sql.raw(fn)}(month) FROM analytics_party_month WHERE tenant_id = ${t}),
      (SELECT ${sql.raw(fn)}(period) FROM enterprise_snapshot WHERE tenant_id = ${t})), 'YYYY-MM-DD')`;
  const result = await sql<{
    version: string | null;
    class_version: string | null;
    first: string | null;
    last: string | null;
  }>`
    SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${t}) AS version,
      (SELECT version FROM analytics_class_state WHERE tenant_id = ${t}) AS class_version,
      ${bounds('min')} AS first, ${bounds('max')} AS last`.execute(db);
  const row = result.rows[0];
  const tenantVersion = asVersion(row?.version);
  const classVersion = asVersion(row?.class_version);
  const dataFirst = row?.first;
  const dataLast = row?.last;
  if (!dataFirst || !dataLast) return { tenantVersion, classVersion, parts: [] };
  const parts: PartKey[] = [];
  const add = (span: PartSpan, first: string | null, last: string | null) => {
    const from = first === null || first < dataFirst ? periodStart(dataFirst, span) : first;
    const to = last === null || last > dataLast ? periodStart(dataLast, span) : last;
    if (from <= to) for (const start of periodsBetween(from, to, span)) parts.push({ span, start });
  };
  if (years) {
    // The latest year with data, where writes mostly fall, in months: a write into one of them
    // leaves the others current instead of the whole year's part.
    const latest = periodStart(dataLast, 'YEAR');
    const reachesLatest =
      (years.first === null || years.first <= latest) && (years.last === null || years.last >= latest);
    add('YEAR', years.first, reachesLatest ? firstDayOfYear(yearOf(latest) - 1) : years.last);
    if (reachesLatest) add('MONTH', latest, null);
  }
  for (const range of months) {
    if (!range.first || !range.last) throw new Error('the months at the edges of a period are a closed range');
    add('MONTH', range.first, range.last);
  }
  return { tenantVersion, classVersion, parts };
}

/** A part's version (analytics_part_state): a month's own, a year's the sum of its months' and its own. */
function versionOf(tenantId: string, key: PartKey): RawBuilder<string | null> {
  if (key.span === 'MONTH') {
    return sql`(SELECT version FROM analytics_part_state
      WHERE tenant_id = ${tenantId} AND span = 'MONTH' AND start = ${key.start}::date)`;
  }
  return sql`(SELECT sum(version)::bigint FROM analytics_part_state
    WHERE tenant_id = ${tenantId} AND start >= ${key.start}::date AND start < ${nextPeriod(key.start, 'YEAR')}::date
      AND (span = 'MONTH' OR start = ${key.start}::date))`;
}

/** The texts of a part read from the tables (each one aggregate). */
function textsOf(
  tenantId: string,
  key: PartKey,
): { pairs: RawBuilder<string>; flows: RawBuilder<string>; snapshots: RawBuilder<string> } {
  const t = tenantId;
  const end = nextPeriod(key.start, key.span);
  const agg = (fields: RawBuilder<unknown>, rows: RawBuilder<unknown>) =>
    sql<string>`(SELECT coalesce(string_agg(concat_ws(' ', ${fields}), ' '), '') FROM ${rows})`;
  const year = sql`${yearOf(key.start)}::smallint`;
  return {
    pairs: agg(
      sql`buyer_id, seller_id, amount`,
      sql`analytics_pair_month WHERE tenant_id = ${t} AND month >= ${key.start}::date AND month < ${end}::date`,
    ),
    flows:
      key.span === 'MONTH'
        ? agg(
            sql`party_id, received, paid`,
            sql`analytics_party_month WHERE tenant_id = ${t} AND month = ${key.start}::date`,
          )
        : agg(sql`party_id, received, paid`, sql`analytics_party_year WHERE tenant_id = ${t} AND year = ${year}`),
    snapshots:
      key.span === 'MONTH'
        ? agg(
            sql`enterprise_id, revenue`,
            sql`enterprise_snapshot WHERE tenant_id = ${t} AND period = ${key.start}::date AND revenue IS NOT NULL`,
          )
        : agg(sql`enterprise_id, revenue`, sql`analytics_snapshot_year WHERE tenant_id = ${t} AND year = ${year}`),
  };
}

/**
 * The current versions of `keys` (each as readPart would tag it: 0 when it has none), with the
 * tenant's analytics version, in one statement: for the caller to tell which parts it holds are
 * still current without reading them.
 */
export async function partVersions(
  db: Kysely<Database>,
  tenantId: string,
  keys: readonly PartKey[],
): Promise<{ tenantVersion: number | null; versions: number[] }> {
  const result = await sql<{ version: string | null; versions: Array<string | null> }>`
    SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${tenantId}) AS version,
      ARRAY[${sql.join(keys.map((key) => versionOf(tenantId, key)))}]::bigint[] AS versions`.execute(db);
  const row = result.rows[0];
  return {
    tenantVersion: asVersion(row?.version),
    versions: keys.map((_, i) => Number(row?.versions[i] ?? 0)),
  };
}

/** The classified parties by sector, as loadMatrix reads them, with the versions the statement saw. */
export interface SectorsRead {
  /** The tenant's analytics version (analytics_state), for loadMatrix's consistency check. */
  readonly tenantVersion: number | null;
  /** The version of the tenant's classes (analytics_class_state): the sectors may be held at it. */
  readonly classVersion: number | null;
  /** [sector, the ids of its parties separated by spaces], one entry per sector. */
  readonly sectors: Array<[string, string]>;
}

/** Every classified party of the tenant by sector (about 120 ms and 2.2 MB at scale 100), in one statement. */
export async function readSectors(db: Kysely<Database>, tenantId: string): Promise<SectorsRead> {
  const result = await sql<{
    version: string | null;
    class_version: string | null;
    sectors: Array<[string, string]> | null;
  }>`SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${tenantId}) AS version,
      (SELECT version FROM analytics_class_state WHERE tenant_id = ${tenantId}) AS class_version,
      (SELECT json_agg(json_build_array(sector, parties))
       FROM (
         SELECT sector, string_agg(party_id::text, ' ') FROM analytics_party_class WHERE tenant_id = ${tenantId}
         GROUP BY sector
       ) c(sector, parties)) AS sectors`.execute(db);
  const row = result.rows[0];
  return {
    tenantVersion: asVersion(row?.version),
    classVersion: asVersion(row?.class_version),
    sectors: row?.sectors ?? [],
  };
}

/**
 * One part, in one statement: the stored one when it is of the part's current version (and
 * `useStored`), else read from the tables (each text computed only when no stored one is taken:
 * COALESCE evaluates its subqueries only when reached).
 */
export async function readPart(
  db: Kysely<Database>,
  tenantId: string,
  key: PartKey,
  useStored: boolean,
): Promise<PartRead> {
  const texts = textsOf(tenantId, key);
  const result = await sql<{
    version: string | null;
    part_version: string | null;
    stored: boolean;
    pairs: string;
    flows: string;
    snapshots: string;
  }>`
    SELECT (SELECT version FROM analytics_state WHERE tenant_id = ${tenantId}) AS version,
      v.version AS part_version,
      p.version IS NOT NULL AS stored,
      coalesce(p.pairs, ${texts.pairs}) AS pairs,
      coalesce(p.flows, ${texts.flows}) AS flows,
      coalesce(p.snapshots, ${texts.snapshots}) AS snapshots
    FROM (SELECT ${versionOf(tenantId, key)} AS version) v
    LEFT JOIN analytics_domino_part p
      ON ${useStored} AND p.tenant_id = ${tenantId} AND p.span = ${key.span} AND p.start = ${key.start}::date
        AND p.version = v.version`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error('the part statement answered no row');
  return {
    tenantVersion: asVersion(row.version),
    part: {
      ...key,
      version: Number(row.part_version ?? 0),
      pairs: row.pairs,
      flows: row.flows,
      snapshots: row.snapshots,
    },
    stored: row.stored,
  };
}

/**
 * Stores parts read from the tables, each replacing the tenant's part of that month or year unless
 * the stored one is of a newer version (parts' versions only grow).
 */
export async function storeParts(db: Kysely<Database>, tenantId: string, parts: readonly Part[]): Promise<void> {
  for (const part of parts) {
    await sql`
      INSERT INTO analytics_domino_part AS p (tenant_id, span, start, version, pairs, flows, snapshots, bytes)
      VALUES (${tenantId}, ${part.span}, ${part.start}::date, ${part.version}, ${part.pairs}, ${part.flows},
        ${part.snapshots}, ${part.pairs.length + part.flows.length + part.snapshots.length})
      -- excluded.built_at is the column's default, now(): Citus allows no now() in DO UPDATE SET.
      ON CONFLICT (tenant_id, span, start) DO UPDATE
        SET version = excluded.version, pairs = excluded.pairs, flows = excluded.flows,
            snapshots = excluded.snapshots, bytes = excluded.bytes, built_at = excluded.built_at
        WHERE p.version < excluded.version`.execute(db);
  }
}

/** The tenant's stored parts (tests, diagnostics): span, start and version, in order. */
export async function storedParts(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Array<{ span: PartSpan; start: string; version: number }>> {
  const result = await sql<{ span: PartSpan; start: string; version: string }>`
    SELECT span, to_char(start, 'YYYY-MM-DD') AS start, version FROM analytics_domino_part
    WHERE tenant_id = ${tenantId} ORDER BY span DESC, start`.execute(db);
  return result.rows.map((r) => ({ span: r.span, start: r.start, version: Number(r.version) }));
}
