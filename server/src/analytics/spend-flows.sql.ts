import type { Database } from '@jejaring/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { badInput } from '../errors.ts';
import { encodeGlobalId } from '../graphql/global-id.ts';
import { factsCte, withCtes } from './facts.sql.ts';
import {
  BUYER_KIND_LABELS,
  CATEGORY_LABELS,
  OUTSIDE_LABEL,
  SELLER_CLASS_LABELS,
  UNKNOWN_DISTRICT_LABEL,
  UNKNOWN_SECTOR_LABEL,
} from './labels.ts';
import { cachedAnalytic } from './result-cache.sql.ts';
import type { SpendScope } from './spend-scope.ts';

export const FLOW_LEVELS = ['AGENCY', 'BUYER_KIND', 'CATEGORY', 'SELLER_CLASS', 'SELLER_DISTRICT', 'SECTOR'] as const;
export type FlowLevel = (typeof FLOW_LEVELS)[number];

export interface FlowNodeData {
  id: string;
  level: FlowLevel;
  key: string;
  label: string;
  value: number;
  sellerClass: 'LOCAL_UMKM' | 'LOCAL_OTHER' | 'OUTSIDE_UMK' | 'OUTSIDE_OTHER' | null;
}
export interface FlowLinkData {
  source: string;
  target: string;
  value: number;
}
export interface FlowGraphData {
  levels: FlowLevel[];
  nodes: FlowNodeData[];
  links: FlowLinkData[];
  total: number;
}

const LEVEL_SQL: Record<FlowLevel, RawBuilder<unknown>> = {
  AGENCY: sql`agency_id::text`,
  BUYER_KIND: sql`buyer_kind`,
  CATEGORY: sql`category`,
  SELLER_CLASS: sql`seller_class`,
  SELLER_DISTRICT: sql`district`,
  SECTOR: sql`sector`,
};

export function validateLevels(levels: readonly FlowLevel[]): FlowLevel[] {
  if (levels.length === 0)
    throw badInput('levels', { id: 'harus menyebut sedikitnya satu tingkat', en: 'must name at least one level' });
  if (new Set(levels).size !== levels.length)
    throw badInput('levels', { id: 'tidak boleh menyebut satu tingkat dua kali', en: 'must not repeat a level' });
  return [...levels];
}

/**
 * docs/metrics.md "Flows": the scoped spending split along `levels`, as Sankey nodes (one per key of
 * each level) and links between consecutive levels; every level's node values sum to `total`.
 */
export async function spendFlows(
  db: Kysely<Database>,
  scope: SpendScope,
  levels: readonly FlowLevel[],
): Promise<FlowGraphData> {
  const dims = sql.join(levels.map((level, i) => sql`${LEVEL_SQL[level]} AS ${sql.ref(`k${i}`)}`));
  const groupBy = sql.join(levels.map((_, i) => sql.raw(String(i + 1))));
  // Kecamatan and sector need the finer rollup; the other levels the compact one.
  const source = levels.includes('SELLER_DISTRICT') || levels.includes('SECTOR') ? 'cells' : 'spend';
  const rows = await cachedAnalytic(
    db,
    scope.tenantId,
    'spendFlows',
    sql<Record<string, string | number>>`${withCtes(factsCte('facts', scope, source))}
    SELECT ${dims}, coalesce(sum(amount), 0) AS value FROM facts GROUP BY ${groupBy}`,
  );
  const cells = rows.map((row) => ({
    keys: levels.map((_, i) => String(row[`k${i}`])),
    value: Number(row.value),
  }));
  const labels = await flowLabels(db, scope.tenantId, levels, cells);
  const nodes = new Map<string, FlowNodeData>();
  const links = new Map<string, FlowLinkData>();
  let total = 0;
  for (const cell of cells) {
    total += cell.value;
    levels.forEach((level, i) => {
      const raw = cell.keys[i] as string;
      const key = level === 'AGENCY' ? encodeGlobalId('Agency', Number(raw)) : raw;
      const id = `${level}:${key}`;
      const node = nodes.get(id) ?? {
        id,
        level,
        key,
        label: labels(level, raw),
        value: 0,
        sellerClass: level === 'SELLER_CLASS' ? (raw as FlowNodeData['sellerClass']) : null,
      };
      node.value += cell.value;
      nodes.set(id, node);
      if (i + 1 < levels.length) {
        const next = levels[i + 1] as FlowLevel;
        const nextRaw = cell.keys[i + 1] as string;
        const target = `${next}:${next === 'AGENCY' ? encodeGlobalId('Agency', Number(nextRaw)) : nextRaw}`;
        const linkId = `${id}→${target}`;
        const link = links.get(linkId) ?? { source: id, target, value: 0 };
        link.value += cell.value;
        links.set(linkId, link);
      }
    });
  }
  const order = new Map(levels.map((level, i) => [level, i]));
  const byValue = <T extends { value: number }>(a: T, b: T) => b.value - a.value;
  return {
    levels: [...levels],
    nodes: [...nodes.values()].sort(
      (a, b) => (order.get(a.level) ?? 0) - (order.get(b.level) ?? 0) || byValue(a, b) || (a.key < b.key ? -1 : 1),
    ),
    links: [...links.values()].sort(
      (a, b) => byValue(a, b) || (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : 1),
    ),
    total,
  };
}

/** Looks up the names behind agency ids, district codes and KBLI sections present in `cells`. */
async function flowLabels(
  db: Kysely<Database>,
  tenantId: string,
  levels: readonly FlowLevel[],
  cells: ReadonlyArray<{ keys: string[] }>,
): Promise<(level: FlowLevel, key: string) => string> {
  const keysOf = (level: FlowLevel) => {
    const i = levels.indexOf(level);
    return i < 0 ? [] : [...new Set(cells.map((c) => c.keys[i] as string))];
  };
  const agencyIds = keysOf('AGENCY').map(Number);
  const districts = keysOf('SELLER_DISTRICT').filter((k) => k !== 'OUTSIDE' && k !== 'UNKNOWN');
  const sections = keysOf('SECTOR').filter((k) => k !== 'UNKNOWN');
  const [agencies, regions, sectors] = await Promise.all([
    agencyIds.length
      ? db
          .selectFrom('party')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', agencyIds)
          .execute()
      : [],
    districts.length ? db.selectFrom('region').select(['code', 'name']).where('code', 'in', districts).execute() : [],
    sections.length
      ? db.selectFrom('kbli_section').select(['section', 'name_id']).where('section', 'in', sections).execute()
      : [],
  ]);
  const agencyName = new Map(agencies.map((a) => [String(a.id), a.name]));
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const sectorName = new Map(sectors.map((s) => [String(s.section).trim(), s.name_id]));
  return (level, key) => {
    switch (level) {
      case 'AGENCY':
        return agencyName.get(key) ?? key;
      case 'BUYER_KIND':
        return BUYER_KIND_LABELS[key] ?? key;
      case 'CATEGORY':
        return CATEGORY_LABELS[key] ?? key;
      case 'SELLER_CLASS':
        return SELLER_CLASS_LABELS[key] ?? key;
      case 'SELLER_DISTRICT':
        return key === 'OUTSIDE'
          ? OUTSIDE_LABEL
          : key === 'UNKNOWN'
            ? UNKNOWN_DISTRICT_LABEL
            : (regionName.get(key) ?? key);
      case 'SECTOR':
        return key === 'UNKNOWN' ? UNKNOWN_SECTOR_LABEL : (sectorName.get(key) ?? key);
    }
  };
}
