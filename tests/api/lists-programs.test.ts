import { describe, expect, it } from 'vitest';
import { globalId } from '../support/fixtures.ts';
import { type Oracle, sortBy, within } from '../support/oracle/index.ts';
import { check, gid, o, ref, server, TENANT, useApiBundleServer } from './list-harness.ts';

/*
 * Every filter and every order of the program, product, assistance and region lists, over real
 * HTTP, against the fixture bundle: expected rows and order computed by the oracle from the tables
 * (list-harness.ts).
 */

useApiBundleServer();

describe('programs, products, assistance and regions', () => {
  const programsBy = (
    rows: Oracle['programs'],
    key: (p: Oracle['programs'][number]) => string | number = (p) => p.code,
    desc = false,
  ) => sortBy(rows, key, desc).map((p) => p.id);
  check([
    ['programs by code', 'programs', undefined, undefined, () => programsBy(o.programs)],
    [
      'programs of a year',
      'programs',
      { fiscalYears: [2024] },
      undefined,
      () => programsBy(o.programs.filter((p) => p.fiscal_year === 2024)),
    ],
    [
      'programs of an agency',
      'programs',
      () => ({ agencyIds: [gid('Agency', 'AG-DINKES')] }),
      undefined,
      () => programsBy(o.programs.filter((p) => p.agency_id === ref('AG-DINKES').id)),
    ],
    [
      'programs by budget range',
      'programs',
      { budgetMin: 600_000_000, budgetMax: 1_000_000_000 },
      undefined,
      () => programsBy(o.programs.filter((p) => p.budget >= 600_000_000 && p.budget <= 1_000_000_000)),
    ],
    [
      'programs with their own target',
      'programs',
      { hasTarget: true },
      undefined,
      () => programsBy(o.programs.filter((p) => p.local_target_share !== null)),
    ],
    [
      'programs without one',
      'programs',
      { hasTarget: false },
      undefined,
      () => programsBy(o.programs.filter((p) => p.local_target_share === null)),
    ],
    [
      'program search',
      'programs',
      { search: 'seragam' },
      undefined,
      () => programsBy(o.programs.filter((p) => p.name.toLowerCase().includes('seragam'))),
    ],
    ['programs by name', 'programs', undefined, { field: 'NAME' }, () => programsBy(o.programs, (p) => p.name)],
    [
      'programs by budget, largest first',
      'programs',
      undefined,
      { field: 'BUDGET', direction: 'DESC' },
      () => programsBy(o.programs, (p) => p.budget, true),
    ],
    [
      'programs by fiscal year',
      'programs',
      undefined,
      { field: 'FISCAL_YEAR' },
      () => programsBy(o.programs, (p) => p.fiscal_year),
    ],
    ['programs by id', 'programs', undefined, { field: 'ID' }, () => programsBy(o.programs, (p) => p.id)],
    ['products by name', 'products', undefined, undefined, () => sortBy(o.products, (p) => p.name).map((p) => p.id)],
    [
      'product categories',
      'products',
      { categories: ['SNACKS', 'GARMENTS'] },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => ['SNACKS', 'GARMENTS'].includes(p.category)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of a seller',
      'products',
      () => ({ sellerIds: [gid('Cooperative', 'CO-TANI'), gid('Vendor', 'VE-ALKES')] }),
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => [ref('CO-TANI').id, ref('VE-ALKES').id].includes(p.seller_id)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of local sellers',
      'products',
      { sellerLocal: true },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => within(o.partyById.get(p.seller_id)?.region_code ?? null, TENANT)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of sellers outside',
      'products',
      { sellerLocal: false },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => !within(o.partyById.get(p.seller_id)?.region_code ?? null, TENANT)),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products of sellers in a district',
      'products',
      { sellerRegionCode: '61.12.01' },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => within(o.partyById.get(p.seller_id)?.region_code ?? null, '61.12.01')),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products by price range',
      'products',
      { unitPriceMin: 30_000, unitPriceMax: 100_000 },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => p.unit_price !== null && p.unit_price >= 30_000 && p.unit_price <= 100_000),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'product search and KBLI prefix',
      'products',
      { search: 'KERIPIK', kbliPrefix: '1079' },
      undefined,
      () =>
        sortBy(
          o.products.filter((p) => p.name.toLowerCase().includes('keripik') && p.kbli_code?.startsWith('1079')),
          (p) => p.name,
        ).map((p) => p.id),
    ],
    [
      'products by price, dearest first (unknown last)',
      'products',
      undefined,
      { field: 'UNIT_PRICE', direction: 'DESC' },
      () => sortBy(o.products, (p) => p.unit_price ?? -1, true).map((p) => p.id),
    ],
    ['products by id', 'products', undefined, { field: 'ID' }, () => o.products.map((p) => p.id)],
    [
      'assistance by date',
      'assistance',
      undefined,
      undefined,
      () => sortBy(o.assistance, (a) => a.occurred_on).map((a) => a.id),
    ],
    [
      'assistance kinds',
      'assistance',
      { kinds: ['TRAINING'] },
      undefined,
      () =>
        sortBy(
          o.assistance.filter((a) => a.kind === 'TRAINING'),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance in a period',
      'assistance',
      { from: '2024-01-01', to: '2024-06-30' },
      { field: 'OCCURRED_ON', direction: 'DESC' },
      () =>
        sortBy(
          o.assistance.filter((a) => a.occurred_on >= '2024-01-01' && a.occurred_on <= '2024-06-30'),
          (a) => a.occurred_on,
          true,
        ).map((a) => a.id),
    ],
    [
      'assistance of a program',
      'assistance',
      () => ({
        programIds: [
          globalId('Program', o.programs.find((p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024)?.id ?? 0),
        ],
      }),
      undefined,
      () =>
        sortBy(
          o.assistance.filter(
            (a) => a.program_id === o.programs.find((p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024)?.id,
          ),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance of an enterprise',
      'assistance',
      () => ({ enterpriseIds: [globalId('Enterprise', o.assistance[0]?.enterprise_id ?? 0)] }),
      undefined,
      () =>
        sortBy(
          o.assistance.filter((a) => a.enterprise_id === o.assistance[0]?.enterprise_id),
          (a) => a.occurred_on,
        ).map((a) => a.id),
    ],
    [
      'assistance under programs of an agency',
      'assistance',
      () => ({ agencyIds: [gid('Agency', 'AG-DISKOP')] }),
      { field: 'ID' },
      () => o.assistance.filter((a) => a.program_id !== null).map((a) => a.id),
    ],
  ]);

  it.each([
    [
      'the kecamatan of Kubu Raya',
      { parentCode: '61.12' },
      undefined,
      (r: Oracle['regions'][number]) => r.parent_code === '61.12',
    ],
    [
      'a district and its villages',
      { withinCode: '61.12.01' },
      undefined,
      (r: Oracle['regions'][number]) => within(r.code, '61.12.01'),
    ],
    ['provinces', { levels: [1] }, undefined, (r: Oracle['regions'][number]) => r.level === 1],
    [
      'by name search',
      { search: 'RAYA' },
      { field: 'NAME' },
      (r: Oracle['regions'][number]) => r.name.toLowerCase().includes('raya'),
    ],
    [
      'by codes, name descending',
      { codes: ['61.12.01', '61.12.02', '61.71'] },
      { field: 'NAME', direction: 'DESC' },
      (r: Oracle['regions'][number]) => ['61.12.01', '61.12.02', '61.71'].includes(r.code),
    ],
  ] as const)('regions: %s', async (_name, filter, orderBy, keep) => {
    const result = await server.gql<{ regions: { totalCount: number; nodes: Array<{ code: string }> } }>(
      'query($filter: RegionFilter, $orderBy: RegionOrder) { regions(filter: $filter, orderBy: $orderBy, first: 500) { totalCount nodes { code } } }',
      { filter, orderBy },
    );
    expect(result.errors).toBeUndefined();
    const rows = o.regions.filter(keep);
    const byKey =
      orderBy?.field === 'NAME' ? (r: (typeof rows)[number]) => r.name : (r: (typeof rows)[number]) => r.code;
    const desc = (orderBy as { direction?: string } | undefined)?.direction === 'DESC';
    const want = [...rows]
      .sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : a.code < b.code ? -1 : 1) * (desc ? -1 : 1))
      .map((r) => r.code);
    expect(want.length).toBeGreaterThan(0);
    expect(result.data?.regions.nodes.map((n) => n.code)).toEqual(want);
    expect(result.data?.regions.totalCount).toBe(want.length);
  });
});
