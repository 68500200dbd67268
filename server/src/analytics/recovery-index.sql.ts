import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { countPeriods, firstDayOfYear, lastDayOfYear, periodsBetween } from './dates.ts';
import { ALL_LABEL, OUTSIDE_LABEL, SIZE_CLASS_LABELS, UNKNOWN_DISTRICT_LABEL, UNKNOWN_SECTOR_LABEL } from './labels.ts';
import { share } from './measures.ts';
import { validateYear } from './spend-scope.ts';
import { MAX_TREND_POINTS } from './spend-trend.sql.ts';
import { analytic, analyticsVersions, MIB, VersionedCache, withWorkMem } from './versions.ts';

export type RecoveryGroup = 'NONE' | 'SECTOR' | 'DISTRICT' | 'SIZE_CLASS';

export interface RecoveryPointData {
  period: string;
  index: number | null;
  activeShare: number | null;
  panelSize: number;
}
export interface RecoverySeriesData {
  key: string;
  label: string;
  points: RecoveryPointData[];
}

/** The group of an enterprise, from its party row `p` and its class `c` (analytics_party_class). */
function groupKey(group: RecoveryGroup): RawBuilder<unknown> {
  switch (group) {
    case 'NONE':
      return sql`'ALL'::text`;
    case 'SECTOR':
      return sql`c.sector`;
    case 'DISTRICT':
      return sql`c.district`;
    case 'SIZE_CLASS':
      return sql`coalesce(p.size_class, 'UNKNOWN')`;
  }
}

type Cell = { revenue: number; baseline: number; panel: number; active: number };

/**
 * Every group's cells (month → sums over the panel) for one baseline year, over all snapshots.
 * Cached per process and tagged with the tenant's panel version, so only the first request after
 * a change to snapshots, parties or profiles pays the full aggregation.
 */
const panels = new VersionedCache<Map<string, Map<string, Cell>>>({ entries: 16, maxBytes: 32 * MIB });

async function loadCells(
  db: Kysely<Database>,
  tenantId: string,
  group: RecoveryGroup,
  baselineYear: number,
): Promise<Map<string, Map<string, Cell>>> {
  const result = await analytic(
    db,
    sql<{
      key: string;
      period: string | null;
      revenue: number | null;
      baseline: number | null;
      panel: number;
      active: number;
    }>`
    WITH base AS (
      SELECT sn.enterprise_id, sum(sn.revenue)::float8 / count(sn.revenue) AS baseline
      FROM enterprise_snapshot sn
      WHERE sn.tenant_id = ${tenantId} AND sn.revenue IS NOT NULL
        AND sn.period BETWEEN ${firstDayOfYear(baselineYear)}::date AND ${lastDayOfYear(baselineYear)}::date
      GROUP BY sn.enterprise_id
    ),
    ent AS MATERIALIZED (
      SELECT p.id, b.baseline, ${groupKey(group)} AS key
      FROM base b
      JOIN party p ON p.tenant_id = ${tenantId} AND p.id = b.enterprise_id AND p.kind = 'ENTERPRISE'
      JOIN analytics_party_class c ON c.tenant_id = p.tenant_id AND c.party_id = p.id
    ),
    cell AS (
      SELECT e.key, sn.period, sum(sn.revenue) AS revenue, sum(e.baseline) AS baseline, count(*) AS panel,
             count(*) FILTER (WHERE sn.status = 'ACTIVE') AS active
      FROM enterprise_snapshot sn JOIN ent e ON e.id = sn.enterprise_id
      WHERE sn.tenant_id = ${tenantId} AND sn.revenue IS NOT NULL
      GROUP BY e.key, sn.period
    )
    SELECT k.key, cell.period, cell.revenue, cell.baseline, coalesce(cell.panel, 0) AS panel,
           coalesce(cell.active, 0) AS active
    FROM (SELECT DISTINCT key FROM ent) k LEFT JOIN cell ON cell.key = k.key`,
  );
  const series = new Map<string, Map<string, Cell>>();
  for (const row of result.rows) {
    const cells = series.get(row.key) ?? new Map<string, Cell>();
    if (row.period) {
      cells.set(String(row.period), {
        revenue: Number(row.revenue),
        baseline: Number(row.baseline),
        panel: Number(row.panel),
        active: Number(row.active),
      });
    }
    series.set(row.key, cells);
  }
  return series;
}

/**
 * docs/metrics-outcomes.md "Recovery index": per group and month, 100 · Σ revenue / Σ baseline over the panel of
 * enterprises that have a recorded revenue both in the baseline year and in that month.
 * Only snapshots with a recorded revenue count (docs/metrics-outcomes.md).
 */
export async function recoveryIndex(
  db: Kysely<Database>,
  tenantId: string,
  group: RecoveryGroup,
  from: string | null,
  to: string | null,
  baselineYear: number,
): Promise<RecoverySeriesData[]> {
  validateYear(baselineYear, 'baselineYear');
  if (from && to && from > to)
    throw badInput('from', {
      id: `from (${from}) lebih akhir dari to (${to})`,
      en: `from (${from}) is after to (${to})`,
    });
  let first = from;
  let last = to;
  if (!first || !last) {
    const range = await db
      .selectFrom('enterprise_snapshot')
      .select((eb) => [eb.fn.min('period').as('first'), eb.fn.max('period').as('last')])
      .where('tenant_id', '=', tenantId)
      .executeTakeFirst();
    first ??= (range?.first as string | null) ?? to;
    last ??= (range?.last as string | null) ?? from;
  }
  if (!first || !last || first > last) return [];
  if (countPeriods(first, last, 'MONTH') > MAX_TREND_POINTS) {
    throw badInput('from', {
      id: `rentang ini lebih dari ${MAX_TREND_POINTS} bulan: persempit`,
      en: `the range has more than ${MAX_TREND_POINTS} months: narrow it`,
    });
  }
  const months = periodsBetween(first, last, 'MONTH');
  const { panel } = await analyticsVersions(db, tenantId);
  const series = await panels.get(db, `${tenantId}|${group}|${baselineYear}`, String(panel), () =>
    withWorkMem(db, (trx) => loadCells(trx, tenantId, group, baselineYear)),
  );
  const label = await recoveryLabels(db, group, [...series.keys()]);
  return [...series.keys()]
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .map((key) => {
      const cells = series.get(key) as Map<string, Cell>;
      return {
        key,
        label: label(key),
        points: months.map((period) => {
          const cell = cells.get(period);
          if (!cell) return { period, index: null, activeShare: null, panelSize: 0 };
          return {
            period,
            index: cell.baseline === 0 ? null : (100 * cell.revenue) / cell.baseline,
            activeShare: share(cell.active, cell.panel),
            panelSize: cell.panel,
          };
        }),
      };
    });
}

async function recoveryLabels(
  db: Kysely<Database>,
  group: RecoveryGroup,
  keys: string[],
): Promise<(key: string) => string> {
  if (group === 'NONE') return () => ALL_LABEL;
  if (group === 'SIZE_CLASS') return (key) => SIZE_CLASS_LABELS[key] ?? key;
  if (group === 'SECTOR') {
    const sections = keys.filter((k) => k !== 'UNKNOWN');
    const rows = sections.length
      ? await db.selectFrom('kbli_section').select(['section', 'name_id']).where('section', 'in', sections).execute()
      : [];
    const names = new Map(rows.map((r) => [String(r.section).trim(), r.name_id]));
    return (key) => (key === 'UNKNOWN' ? UNKNOWN_SECTOR_LABEL : (names.get(key) ?? key));
  }
  const codes = keys.filter((k) => k !== 'UNKNOWN' && k !== 'OUTSIDE');
  const rows = codes.length
    ? await db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute()
    : [];
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return (key) =>
    key === 'OUTSIDE' ? OUTSIDE_LABEL : key === 'UNKNOWN' ? UNKNOWN_DISTRICT_LABEL : (names.get(key) ?? key);
}
