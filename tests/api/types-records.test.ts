import { describe, expect, it } from 'vitest';
import { node, o, ref, server, useApiBundleServer } from '../support/api-bundle.ts';
import { globalId, rowId } from '../support/fixtures.ts';
import type { Oracle, OracleParty } from '../support/oracle/index.ts';

/*
 * The records around the parties (programs, products, transactions, assistance, snapshots, targets)
 * and node(id), over real HTTP, against the fixture: values from the tables (the oracle) or the
 * fixture's CSV.
 */

useApiBundleServer();

describe('programs, products, transactions, assistance, snapshots and targets', () => {
  it('shows a program with its agency, transactions and assistance', async () => {
    const program = o.programs.find(
      (p) => p.code === '3.27.05.2.01' && p.fiscal_year === 2024,
    ) as Oracle['programs'][number];
    expect(
      await node(
        globalId('Program', program.id),
        '... on Program { code name fiscalYear budget localTargetShare agency { shortName } transactions { totalCount } assistance { totalCount } }',
        await server.headersFor('DPRD'),
      ),
    ).toEqual({
      __typename: 'Program',
      id: globalId('Program', program.id),
      code: '3.27.05.2.01',
      name: 'Pemberdayaan Usaha Mikro',
      fiscalYear: 2024,
      budget: 850_000_000,
      localTargetShare: 0.6,
      agency: { shortName: 'Diskopum' },
      transactions: { totalCount: o.transactions.filter((t) => t.program_id === program.id).length },
      assistance: { totalCount: o.assistance.filter((a) => a.program_id === program.id).length },
    });
  });

  it('shows a product with its seller and sector', async () => {
    const product = o.products.find((p) => p.kbli_code && p.unit_price) as Oracle['products'][number];
    expect(
      await node(
        globalId('Product', product.id),
        '... on Product { name category unit unitPrice kbliCode sector { code } seller { id name } }',
      ),
    ).toMatchObject({
      __typename: 'Product',
      name: product.name,
      category: product.category,
      unitPrice: product.unit_price,
      kbliCode: product.kbli_code,
      sector: { code: o.kbliSection.get((product.kbli_code as string).slice(0, 2)) },
      seller: { name: o.partyById.get(product.seller_id)?.name },
    });
  });

  it('shows a transaction with buyer and seller as parties, program and product', async () => {
    const tx = o.transactions.find((t) => t.program_id && t.product_id) as Oracle['transactions'][number];
    const got = await node<Record<string, unknown>>(
      globalId('Transaction', tx.id),
      `... on Transaction { category accountCode fundingSource amount quantity occurredOn source sourceRef
        buyer { __typename id name } seller { __typename name } program { id } product { id } }`,
      await server.headersFor('ANALYST'),
    );
    const buyer = o.partyById.get(tx.buyer_id) as OracleParty;
    expect(got).toMatchObject({
      __typename: 'Transaction',
      category: tx.category,
      accountCode: tx.account_code,
      fundingSource: tx.funding_source,
      amount: tx.amount,
      occurredOn: tx.occurred_on,
      source: 'CSV',
      buyer: { name: buyer.name },
      seller: { name: o.partyById.get(tx.seller_id)?.name },
      program: { id: globalId('Program', tx.program_id as number) },
      product: { id: globalId('Product', tx.product_id as number) },
    });
    expect(got.sourceRef).toMatch(/^TX-\d{4}-\d{4}$/);
    expect(typeof got.quantity).toBe('number');
    expect(rowId((got.buyer as { id: string }).id)).toBe(tx.buyer_id);
  });

  it('a page of transactions shows each buyer and seller with the fields of its own record and kind', async () => {
    const sides = (['buyer', 'seller'] as const).map(
      (side) => `${side} { __typename id kind name regionCode region { code } status isGovernment registeredOn
        ... on Agency { code shortName } ... on Enterprise { nib kbliCode capital annualRevenue verification }
        ... on Cooperative { registrationNo verification } }`,
    );
    const result = await server.gql<{
      transactions: { nodes: Array<Record<'id' | 'buyer' | 'seller', Record<string, unknown>>> };
    }>(
      `{ transactions(first: 500, orderBy: { field: ID }) { nodes { id ${sides.join(' ')} } } }`,
      {},
      await server.headersFor('ANALYST'),
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data?.transactions.nodes ?? [];
    expect(nodes).toHaveLength(Math.min(500, o.transactions.length));
    const byId = new Map(o.transactions.map((t) => [t.id, t]));
    const kindType: Record<string, string> = {
      AGENCY: 'Agency',
      NETWORK_UNIT: 'NetworkUnit',
      ENTERPRISE: 'Enterprise',
      COOPERATIVE: 'Cooperative',
      VENDOR: 'Vendor',
    };
    const expected = (p: OracleParty) => ({
      __typename: kindType[p.kind],
      id: globalId(kindType[p.kind] as never, p.id),
      kind: p.kind,
      name: p.name,
      regionCode: p.region_code,
      region: p.region_code === null ? null : { code: p.region_code },
      status: p.status,
      isGovernment: p.is_government,
      registeredOn: p.registered_on,
      ...(p.kind === 'AGENCY' ? { code: p.agency_code, shortName: p.short_name } : {}),
      ...(p.kind === 'ENTERPRISE'
        ? {
            nib: p.nib,
            kbliCode: p.kbli_code,
            capital: p.capital,
            annualRevenue: p.annual_revenue,
            verification: p.e_verification,
          }
        : {}),
      ...(p.kind === 'COOPERATIVE' ? { registrationNo: p.registration_no, verification: p.c_verification } : {}),
    });
    const kinds = new Set<string>();
    for (const n of nodes) {
      const tx = byId.get(rowId(n.id as unknown as string)) as Oracle['transactions'][number];
      const buyer = o.partyById.get(tx.buyer_id) as OracleParty;
      const seller = o.partyById.get(tx.seller_id) as OracleParty;
      expect(n.buyer).toEqual(expected(buyer));
      expect(n.seller).toEqual(expected(seller));
      kinds.add(buyer.kind).add(seller.kind);
    }
    // Every kind of party appears on one side or the other in the fixture.
    expect([...kinds].sort()).toEqual(['AGENCY', 'COOPERATIVE', 'ENTERPRISE', 'NETWORK_UNIT', 'VENDOR']);
  });

  it('shows assistance with its enterprise and program, and a snapshot with its enterprise', async () => {
    const a = o.assistance.find((x) => x.program_id !== null) as Oracle['assistance'][number];
    expect(
      await node(
        globalId('Assistance', a.id),
        '... on Assistance { kind occurredOn enterprise { id } program { id } }',
      ),
    ).toMatchObject({
      __typename: 'Assistance',
      kind: a.kind,
      occurredOn: a.occurred_on,
      enterprise: { id: globalId('Enterprise', a.enterprise_id) },
      program: { id: globalId('Program', a.program_id as number) },
    });
    const s = o.snapshots[0] as Oracle['snapshots'][number];
    const snap = await node<{ snapshots: { nodes: Array<Record<string, unknown>> } }>(
      globalId('Enterprise', s.enterprise_id),
      '... on Enterprise { snapshots(first: 1) { nodes { period revenue employees status enterprise { id } } } }',
    );
    expect(snap.snapshots.nodes[0]).toMatchObject({
      period: s.period,
      revenue: s.revenue,
      status: s.status,
      enterprise: { id: globalId('Enterprise', s.enterprise_id) },
    });
  });

  it('lists policy targets and data-collection targets', async () => {
    const result = await server.gql<{
      policyTargets: Array<Record<string, unknown>>;
      agencyOnly: Array<{ name: string }>;
      collectionTargets: Array<Record<string, unknown>>;
    }>(
      `{ policyTargets(fiscalYears: [2024]) { id name legalBasis metric targetShare fiscalYear agency { shortName } }
         agencyOnly: policyTargets(regencyWide: false, metrics: [LOCAL_UMKM_SHARE]) { name }
         collectionTargets(years: [2024], regionCode: "61.12.01") { regionCode year enterprises cooperatives region { name } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(
      result.data?.policyTargets.map((t) => [
        t.metric,
        t.targetShare,
        (t.agency as { shortName: string } | null)?.shortName ?? null,
      ]),
    ).toEqual([
      ['LOCAL_UMKM_SHARE', 0.45, null],
      ['LOCAL_UMKM_SHARE', 0.5, 'Dinkes'],
      ['UMK_SHARE', 0.4, null],
    ]);
    expect(result.data?.policyTargets[0]).toMatchObject({
      fiscalYear: 2024,
      legalBasis: expect.stringContaining('Peraturan Bupati'),
    });
    expect(result.data?.agencyOnly).toEqual([{ name: 'Target Dinas Kesehatan 2024' }]);
    expect(result.data?.collectionTargets).toEqual([
      {
        regionCode: '61.12.01',
        year: 2024,
        enterprises: expect.any(Number),
        cooperatives: expect.any(Number),
        region: { name: 'Sungai Raya' },
      },
    ]);
  });
});

describe('node(id)', () => {
  const kinds: Array<[string, () => number]> = [
    ['Agency', () => ref('AG-DIKBUD').id],
    ['NetworkUnit', () => ref('NU-SD01').id],
    ['Enterprise', () => ref('EN-001').id],
    ['Cooperative', () => ref('CO-KSP').id],
    ['Vendor', () => ref('VE-SINAR').id],
    ['Program', () => o.programs[0]?.id ?? 0],
    ['Product', () => o.products[0]?.id ?? 0],
    ['Transaction', () => o.transactions[0]?.id ?? 0],
    ['Assistance', () => o.assistance[0]?.id ?? 0],
    ['PolicyTarget', () => 1],
  ];

  it.each(kinds)('fetches a %s by its global id, which round-trips', async (type, id) => {
    const gid = globalId(type, id());
    // A transaction is for signed-in readers; every other kind is public.
    const headers = type === 'Transaction' ? await server.headersFor('ANALYST') : undefined;
    const result = await server.gql<{ node: { __typename: string; id: string } }>(
      'query($id: ID!) { node(id: $id) { __typename id } }',
      { id: gid },
      headers,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toEqual({ __typename: type, id: gid });
  });

  it('answers null for an id that no longer exists, or that names a row of another kind', async () => {
    const result = await server.gql<{ gone: unknown; wrongKind: unknown }>(
      'query($a: ID!, $b: ID!) { gone: node(id: $a) { id } wrongKind: node(id: $b) { id } }',
      {
        a: globalId('Enterprise', 999_999),
        b: globalId('Agency', ref('EN-001').id),
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ gone: null, wrongKind: null });
  });

  it('fetches many nodes at once, in order, with nulls for missing ones', async () => {
    const ids = [
      globalId('Vendor', ref('VE-SERBA').id),
      globalId('Program', 999_999),
      globalId('Agency', ref('AG-DINKES').id),
    ];
    const result = await server.gql<{ nodes: Array<{ id: string } | null> }>(
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids },
    );
    expect(result.data?.nodes).toEqual([{ id: ids[0] }, null, { id: ids[2] }]);
  });

  it('tells which regency it serves', async () => {
    const result = await server.gql<{ about: Record<string, unknown> }>(
      '{ about { tenantId demoData firstTransactionOn lastTransactionOn } }',
    );
    expect(result.data?.about).toEqual({
      tenantId: '61.12',
      demoData: false,
      firstTransactionOn: o.transactions.map((t) => t.occurred_on).sort()[0],
      lastTransactionOn: o.transactions
        .map((t) => t.occurred_on)
        .sort()
        .at(-1),
    });
  });
});
