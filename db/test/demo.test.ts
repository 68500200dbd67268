import { type RawBuilder, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { demoChecksum } from '../demo/generate.ts';
import { loadDemo } from '../demo/load.ts';
import { DEMO_TABLES, type DemoTable } from '../demo/tables.ts';
import { demoCredentialProblem } from '../demo/users.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';

/*
 * The demo dataset: deterministic (checksums), loadable (counts match the generator), and telling
 * the story of db/demo/README.md as measured by the definitions of docs/metrics.md, checked with SQL on the loaded
 * rows. The story bounds are tight enough to fail when a knob in demo/story.ts drifts.
 */

describe('demo generator determinism', () => {
  it('gives the same checksum for the same seed and a different one for another seed', () => {
    // fraction: the test-only shrink knob (a tenth of the registry and money), same code paths.
    const a = demoChecksum(7, 1, { fraction: 0.1 });
    const b = demoChecksum(7, 1, { fraction: 0.1 });
    const c = demoChecksum(8, 1, { fraction: 0.1 });
    expect(a.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(b.checksum).toBe(a.checksum);
    expect(b.counts).toEqual(a.counts);
    expect(c.checksum).not.toBe(a.checksum);
    expect(a.counts.transaction).toBeGreaterThan(5_000);
  });
});

describe(`demo dataset at scale 1 on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let generated: ReturnType<typeof demoChecksum>;
  let loaded: Awaited<ReturnType<typeof loadDemo>>;
  const progress = new Map<string, [number, number]>();

  const rows = async <R>(query: RawBuilder<R>) => (await query.execute(handle.db)).rows;
  const localUmkm = sql`(s.region_code LIKE '61.12.%' AND (s.kind = 'COOPERATIVE' OR (s.kind = 'ENTERPRISE' AND coalesce(s.size_class, '') <> 'LARGE')))`;

  beforeAll(async () => {
    handle = await createTestDatabase();
    generated = demoChecksum(1, 1);
    loaded = await loadDemo(handle.db, TEST_TENANT, {
      seed: 1,
      scale: 1,
      onProgress: (stage, done, total) => progress.set(stage, [done, total]),
    });
  }, 600_000);
  afterAll(() => handle?.close());

  it('loads exactly the generated rows: same checksum, same counts per table', async () => {
    expect(loaded.checksum).toBe(generated.checksum);
    expect(loaded.transactions).toBe(generated.counts.transaction);
    expect(loaded.parties).toBe(generated.counts.party);
    for (const table of DEMO_TABLES) {
      const [row] = await rows(
        sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE tenant_id = ${TEST_TENANT}`,
      );
      expect({ table, n: row?.n }).toEqual({ table, n: generated.counts[table as DemoTable] });
    }
    expect(generated.counts.transaction).toBeGreaterThanOrEqual(100_000);
    expect(generated.counts.transaction).toBeLessThanOrEqual(150_000);
    expect(generated.counts.party).toBeGreaterThan(3_500);
  });

  it('reports progress per table and ends every stage complete', () => {
    for (const table of DEMO_TABLES) {
      const [done, total] = progress.get(table) ?? [0, -1];
      expect({ table, done }).toEqual({ table, done: total });
    }
  });

  it('records the seed and scale on the tenant and moves the id sequences past the loaded ids', async () => {
    const tenant = await handle.db
      .selectFrom('tenant')
      .selectAll()
      .where('id', '=', TEST_TENANT)
      .executeTakeFirstOrThrow();
    expect([tenant.demo_seed, tenant.demo_scale]).toEqual([1, 1]);
    for (const table of ['party', 'transaction', 'product', 'program', 'assistance', 'policy_target']) {
      const [row] = await rows(
        sql<{ next: number; max: number }>`SELECT nextval(pg_get_serial_sequence(${`"${table}"`}, 'id'))::int AS next,
          (SELECT max(id) FROM ${sql.table(table)})::int AS max`,
      );
      expect(row!.next).toBeGreaterThan(row!.max);
    }
  });

  it('creates one demo account per role, each with its own hash of the published demo password, and demo data alone lets production start', async () => {
    const users = await handle.db
      .selectFrom('app_user as u')
      .leftJoin('agency_profile as a', 'a.party_id', 'u.agency_id')
      .select(['u.username', 'u.role', 'u.is_demo', 'u.disabled', 'a.code', 'u.password_hash'])
      .where('u.tenant_id', '=', TEST_TENANT)
      .orderBy('u.username')
      .execute();
    expect(users.map(({ password_hash: _, ...u }) => u)).toEqual([
      { username: 'admin.demo', role: 'ADMIN', is_demo: true, disabled: false, code: null },
      { username: 'analyst.demo', role: 'ANALYST', is_demo: true, disabled: false, code: null },
      { username: 'dprd.demo', role: 'DPRD', is_demo: true, disabled: false, code: null },
      { username: 'operator.demo', role: 'OPERATOR', is_demo: true, disabled: false, code: '2.17.3.30.0.00.01.0000' },
      { username: 'policymaker.demo', role: 'POLICYMAKER', is_demo: true, disabled: false, code: null },
    ]);
    // Each account has a hash of its own (its own salt), and each signs in with the demo password.
    expect(new Set(users.map((u) => u.password_hash)).size).toBe(users.length);
    for (const user of users) expect(await verifyPassword('demo-jejaring-2026', user.password_hash)).toBe(true);
    const [registered] = await rows(
      sql<{ n: number; by_operator: number }>`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE a.code = '2.17.3.30.0.00.01.0000')::int AS by_operator
        FROM enterprise_profile e LEFT JOIN agency_profile a ON a.party_id = e.registering_agency_id
        WHERE e.tenant_id = ${TEST_TENANT}`,
    );
    expect(registered!.by_operator).toBe(registered!.n);
    expect(await demoCredentialProblem(handle.db, TEST_TENANT)).toBeNull();
  });

  it('refuses to load into a tenant that already has data', async () => {
    await expect(loadDemo(handle.db, TEST_TENANT, { seed: 2, scale: 1 })).rejects.toThrow(
      /already has data.*pnpm cli reset --yes/s,
    );
  });

  it('uses the real districts and villages, valid identifiers and a realistic registry', async () => {
    const [r] = await rows(
      sql<{
        umkm: number;
        village_coded: number;
        no_nib: number;
        unknown_size: number;
        bad_nik: number;
        women: number;
        women_ok: number;
      }>`
      SELECT count(*)::int AS umkm,
        count(*) FILTER (WHERE rg.level = 4 AND rg.code LIKE '61.12.%')::int AS village_coded,
        count(*) FILTER (WHERE e.nib IS NULL)::int AS no_nib,
        count(*) FILTER (WHERE p.size_class IS NULL)::int AS unknown_size,
        count(*) FILTER (WHERE e.owner_nik !~ ('^6112' || substr(p.region_code, 7, 2) || '[0-9]{10}$'))::int AS bad_nik,
        count(*) FILTER (WHERE e.owner_gender = 'F')::int AS women,
        count(*) FILTER (WHERE e.owner_gender = 'F' AND substr(e.owner_nik, 7, 2)::int BETWEEN 41 AND 71)::int AS women_ok
      FROM party p JOIN enterprise_profile e ON e.tenant_id = p.tenant_id AND e.party_id = p.id
      JOIN region rg ON rg.code = p.region_code
      WHERE p.tenant_id = ${TEST_TENANT} AND p.region_code LIKE '61.12.%'`,
    );
    expect(r!.umkm).toBeGreaterThanOrEqual(3_000);
    expect(r!.village_coded).toBe(r!.umkm);
    expect(r!.bad_nik).toBe(0);
    expect(r!.women_ok).toBe(r!.women);
    expect(r!.no_nib / r!.umkm).toBeGreaterThan(0.08);
    expect(r!.no_nib / r!.umkm).toBeLessThan(0.22);
    expect(r!.unknown_size / r!.umkm).toBeGreaterThan(0.05);
    expect(r!.unknown_size / r!.umkm).toBeLessThan(0.11);
    const kinds = await rows(sql<{ kind: string; n: number }>`
      SELECT kind, count(*)::int AS n FROM party WHERE tenant_id = ${TEST_TENANT} GROUP BY 1 ORDER BY 1`);
    const byKind = Object.fromEntries(kinds.map((k) => [k.kind, k.n]));
    expect(byKind.AGENCY).toBeGreaterThanOrEqual(30);
    expect(byKind.COOPERATIVE).toBe(100);
    expect(byKind.VENDOR).toBeGreaterThan(100);
    const [villages] = await rows(sql<{ n: number }>`
      SELECT count(DISTINCT p.region_code)::int AS n FROM party p JOIN network_unit_profile u ON u.tenant_id = p.tenant_id AND u.party_id = p.id
      WHERE p.tenant_id = ${TEST_TENANT} AND u.unit_type = 'VILLAGE_GOVERNMENT'`);
    expect(villages!.n).toBe(123);
  });

  /** Σ amount and Σ to local UMKM of agencies' direct purchases, per year. */
  const agencyYears = () =>
    rows(sql<{ y: number; total: number; local: number }>`
      SELECT extract(year FROM t.occurred_on)::int AS y, sum(t.amount)::float8 AS total,
        coalesce(sum(t.amount) FILTER (WHERE ${localUmkm}), 0)::float8 AS local
      FROM "transaction" t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
      JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
      WHERE t.tenant_id = ${TEST_TENANT} AND b.kind = 'AGENCY' GROUP BY 1 ORDER BY 1`);

  it('grows agency spending ~5 % a year with a dip in 2020, and raises the local-UMKM share after the 2021 regulation', async () => {
    const years = Object.fromEntries((await agencyYears()).map((r) => [r.y, r]));
    expect(years[2020]!.total).toBeLessThan(0.95 * years[2019]!.total);
    expect(years[2020]!.total).toBeGreaterThan(0.8 * years[2019]!.total);
    expect(years[2025]!.total / years[2021]!.total).toBeGreaterThan(1.1);
    const share = (y: number) => years[y]!.local / years[y]!.total;
    const bounds: Record<number, [number, number]> = {
      2019: [0.15, 0.2],
      2020: [0.15, 0.21],
      2021: [0.22, 0.28],
      2022: [0.3, 0.36],
      2023: [0.37, 0.44],
      2024: [0.42, 0.48],
      2025: [0.45, 0.52],
    };
    for (const [y, [lo, hi]] of Object.entries(bounds)) {
      expect({ y, share: share(Number(y)) > lo && share(Number(y)) < hi }).toEqual({ y, share: true });
    }
  });

  it('spreads agencies from ~10 % to ~70 % so every scorecard grade appears in 2025', async () => {
    const scores = await rows(sql<{ share: number; target: number }>`
      WITH s AS (
        SELECT b.id, sum(t.amount)::float8 AS total, coalesce(sum(t.amount) FILTER (WHERE ${localUmkm}), 0)::float8 AS local
        FROM "transaction" t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
        JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
        WHERE t.tenant_id = ${TEST_TENANT} AND b.kind = 'AGENCY' AND t.occurred_on BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1)
      SELECT s.local / s.total AS share, coalesce(
        (SELECT target_share FROM policy_target p WHERE p.tenant_id = ${TEST_TENANT} AND p.metric = 'LOCAL_UMKM_SHARE' AND p.fiscal_year = 2025 AND p.agency_id = s.id),
        (SELECT target_share FROM policy_target p WHERE p.tenant_id = ${TEST_TENANT} AND p.metric = 'LOCAL_UMKM_SHARE' AND p.fiscal_year = 2025 AND p.agency_id IS NULL))::float8 AS target
      FROM s`);
    const grade = (a: number) =>
      a >= 1.2 ? 'A+' : a >= 1 ? 'A' : a >= 0.9 ? 'B' : a >= 0.8 ? 'C' : a >= 0.7 ? 'D' : 'F';
    expect(new Set(scores.map((s) => grade(s.share / s.target)))).toEqual(new Set(['A+', 'A', 'B', 'C', 'D', 'F']));
    const shares = scores.map((s) => s.share);
    expect(Math.min(...shares)).toBeLessThan(0.18);
    expect(Math.max(...shares)).toBeGreaterThan(0.6);
    expect(Math.max(...shares)).toBeLessThan(0.82);
  });

  it('sets the regulation, Perpres 12/2021 and agency targets', async () => {
    const targets = await rows(sql<{ metric: string; y: number; share: number; agency: boolean }>`
      SELECT metric, fiscal_year AS y, target_share::float8 AS share, agency_id IS NOT NULL AS agency
      FROM policy_target WHERE tenant_id = ${TEST_TENANT} ORDER BY 1, 2`);
    const tenantWide = (metric: string) =>
      targets.filter((t) => t.metric === metric && !t.agency).map((t) => [t.y, t.share]);
    expect(tenantWide('LOCAL_UMKM_SHARE')).toEqual([
      [2021, 0.25],
      [2022, 0.3],
      [2023, 0.35],
      [2024, 0.4],
      [2025, 0.45],
    ]);
    expect(tenantWide('UMK_SHARE')).toEqual([2021, 2022, 2023, 2024, 2025].map((y) => [y, 0.4]));
    expect(new Set(targets.filter((t) => t.agency).map((t) => t.share)).size).toBeGreaterThanOrEqual(3);
  });

  it('makes network units spend 30-50 % of their agency and amplify its local-UMKM spending 1.3-2.0 times', async () => {
    const agencies = await rows(sql<{ direct: number; network: number; dl: number; nl: number }>`
      WITH RECURSIVE up (unit, anc) AS (
        SELECT id, parent_id FROM party WHERE tenant_id = ${TEST_TENANT} AND kind = 'NETWORK_UNIT'
        UNION ALL SELECT u.unit, p.parent_id FROM up u JOIN party p ON p.tenant_id = ${TEST_TENANT} AND p.id = u.anc WHERE p.kind = 'NETWORK_UNIT'),
      owner AS (SELECT u.unit, u.anc AS agency FROM up u JOIN party a ON a.tenant_id = ${TEST_TENANT} AND a.id = u.anc AND a.kind = 'AGENCY'),
      tx AS (
        SELECT coalesce(o.agency, t.buyer_id) AS agency, o.unit IS NOT NULL AS net, t.amount, ${localUmkm} AS lu
        FROM "transaction" t JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
        JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id LEFT JOIN owner o ON o.unit = t.buyer_id
        WHERE t.tenant_id = ${TEST_TENANT} AND b.kind IN ('AGENCY', 'NETWORK_UNIT') AND t.occurred_on BETWEEN '2024-01-01' AND '2025-12-31')
      SELECT sum(amount) FILTER (WHERE NOT net)::float8 AS direct, sum(amount) FILTER (WHERE net)::float8 AS network,
        sum(amount) FILTER (WHERE NOT net AND lu)::float8 AS dl, coalesce(sum(amount) FILTER (WHERE net AND lu), 0)::float8 AS nl
      FROM tx GROUP BY agency HAVING sum(amount) FILTER (WHERE net) > 0`);
    expect(agencies.length).toBeGreaterThanOrEqual(15);
    for (const a of agencies) {
      expect(a.network / a.direct).toBeGreaterThan(0.25);
      expect(a.network / a.direct).toBeLessThan(0.55);
    }
    const total = (f: (a: (typeof agencies)[number]) => number) => agencies.reduce((sum, a) => sum + f(a), 0);
    const amplification = (total((a) => a.dl) + total((a) => a.nl)) / total((a) => a.dl);
    expect(amplification).toBeGreaterThan(1.3);
    expect(amplification).toBeLessThan(2.0);
  });

  it('has local UMKM re-spend 15-30 % of their revenue at other local UMKM (LM3 1.2-1.4), with two-way trades', async () => {
    const year = sql`t.occurred_on BETWEEN '2023-01-01' AND '2023-12-31'`;
    const L = sql`(SELECT id FROM party WHERE tenant_id = ${TEST_TENANT} AND region_code LIKE '61.12.%' AND NOT is_government)`;
    const rev = await rows(sql<{ id: number; rev: number; paid_lu: number; umkm: boolean }>`
      WITH r AS (SELECT seller_id AS id, sum(amount) AS v FROM "transaction" t WHERE tenant_id = ${TEST_TENANT} AND ${year} GROUP BY 1),
      p AS (SELECT t.buyer_id AS id, sum(t.amount) AS v, sum(t.amount) FILTER (WHERE ${localUmkm}) AS lu
            FROM "transaction" t JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id WHERE t.tenant_id = ${TEST_TENANT} AND ${year} GROUP BY 1),
      sn AS (SELECT enterprise_id AS id, sum(revenue) AS v FROM enterprise_snapshot WHERE tenant_id = ${TEST_TENANT} AND period BETWEEN '2023-01-01' AND '2023-12-01' GROUP BY 1)
      SELECT l.id::int AS id, greatest(coalesce(r.v, 0), coalesce(sn.v, 0), coalesce(p.v, 0))::float8 AS rev, coalesce(p.lu, 0)::float8 AS paid_lu,
        (x.kind = 'ENTERPRISE' AND coalesce(x.size_class, '') <> 'LARGE') AS umkm
      FROM ${L} l(id) JOIN party x ON x.tenant_id = ${TEST_TENANT} AND x.id = l.id
      LEFT JOIN r ON r.id = l.id LEFT JOIN p ON p.id = l.id LEFT JOIN sn ON sn.id = l.id`);
    const buyers = rev.filter((r) => r.umkm && r.paid_lu > 0);
    const share = buyers.reduce((s, r) => s + r.paid_lu, 0) / buyers.reduce((s, r) => s + r.rev, 0);
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.3);

    // Re-spending rounds (docs/metrics.md) for the agencies' 2023 purchases.
    const injection = await rows(sql<{ id: number; x: number }>`
      SELECT t.seller_id::int AS id, sum(t.amount)::float8 AS x FROM "transaction" t
      JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id JOIN party s ON s.tenant_id = t.tenant_id AND s.id = t.seller_id
      WHERE t.tenant_id = ${TEST_TENANT} AND b.kind = 'AGENCY' AND ${localUmkm} AND ${year} GROUP BY 1`);
    const pairs = await rows(sql<{ i: number; j: number; a: number }>`
      SELECT buyer_id::int AS i, seller_id::int AS j, sum(amount)::float8 AS a FROM "transaction" t
      WHERE tenant_id = ${TEST_TENANT} AND ${year} AND buyer_id IN ${L} AND seller_id IN ${L} AND buyer_id <> seller_id GROUP BY 1, 2`);
    const revenue = new Map(rev.map((r) => [r.id, r.rev]));
    const out = new Map<number, Array<[number, number]>>();
    for (const p of pairs) {
      const list = out.get(p.i) ?? [];
      list.push([p.j, p.a / (revenue.get(p.i) as number)]);
      out.set(p.i, list);
    }
    let x = new Map(injection.map((r) => [r.id, r.x]));
    const rounds = [[...x.values()].reduce((a, b) => a + b, 0)];
    for (let k = 1; k < 3; k++) {
      const next = new Map<number, number>();
      for (const [i, v] of x) for (const [j, m] of out.get(i) ?? []) next.set(j, (next.get(j) ?? 0) + v * m);
      x = next;
      rounds.push([...x.values()].reduce((a, b) => a + b, 0));
    }
    const lm3 = rounds.reduce((a, b) => a + b, 0) / (rounds[0] as number);
    expect(lm3).toBeGreaterThan(1.2);
    expect(lm3).toBeLessThan(1.4);

    const [cycles] = await rows(sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (SELECT DISTINCT buyer_id, seller_id FROM "transaction" WHERE tenant_id = ${TEST_TENANT} AND source_ref LIKE '%-INV') a
      JOIN (SELECT DISTINCT buyer_id, seller_id FROM "transaction" WHERE tenant_id = ${TEST_TENANT} AND source_ref LIKE '%-INV') b
        ON a.buyer_id = b.seller_id AND a.seller_id = b.buyer_id AND a.buyer_id < a.seller_id`);
    expect(cycles!.n).toBeGreaterThanOrEqual(3);
  });

  it('drops UMKM revenue to 60-70 % of 2019 in 2020 and recovers past it from 2022, food faster than souvenirs', async () => {
    const index = await rows(sql<{ grp: string; y: number; idx: number }>`
      WITH base AS (SELECT enterprise_id, avg(revenue) AS b FROM enterprise_snapshot
                    WHERE tenant_id = ${TEST_TENANT} AND period BETWEEN '2019-01-01' AND '2019-12-01' GROUP BY 1),
      grp AS (SELECT party_id, CASE WHEN left(kbli_code, 2) IN ('10', '56') THEN 'food' WHEN left(kbli_code, 2) IN ('32', '16') THEN 'craft' ELSE 'other' END AS g
              FROM enterprise_profile WHERE tenant_id = ${TEST_TENANT}),
      m AS (SELECT g.g AS grp, s.period, 100 * sum(s.revenue) / sum(base.b) AS idx
            FROM enterprise_snapshot s JOIN base USING (enterprise_id) JOIN grp g ON g.party_id = s.enterprise_id WHERE s.tenant_id = ${TEST_TENANT} GROUP BY 1, 2
            UNION ALL
            SELECT 'all', s.period, 100 * sum(s.revenue) / sum(base.b) FROM enterprise_snapshot s JOIN base USING (enterprise_id) WHERE s.tenant_id = ${TEST_TENANT} GROUP BY 1, 2)
      SELECT grp, extract(year FROM period)::int AS y, avg(idx)::float8 AS idx FROM m GROUP BY 1, 2`);
    const at = (grp: string, y: number) => index.find((r) => r.grp === grp && r.y === y)?.idx ?? Number.NaN;
    expect(at('all', 2020)).toBeGreaterThan(57);
    expect(at('all', 2020)).toBeLessThan(72);
    expect(at('all', 2021)).toBeGreaterThan(78);
    expect(at('all', 2021)).toBeLessThan(92);
    expect(at('all', 2022)).toBeGreaterThan(94);
    for (const y of [2023, 2024, 2025]) {
      expect(at('all', y)).toBeGreaterThan(100);
      expect(at('all', y)).toBeLessThan(120);
    }
    expect(at('food', 2021)).toBeGreaterThan(at('craft', 2021) + 5);
  });

  it('keeps trained UMKM with government orders active far more often than trained-only ones', async () => {
    const groups = await rows(sql<{ market: boolean; active: number; inactive: number }>`
      WITH cohort AS (SELECT DISTINCT enterprise_id AS id, extract(year FROM occurred_on)::int AS y FROM assistance
                      WHERE tenant_id = ${TEST_TENANT} AND kind = 'TRAINING' AND occurred_on BETWEEN '2021-01-01' AND '2024-12-31'),
      marked AS (SELECT c.id, c.y, EXISTS (
          SELECT 1 FROM "transaction" t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id
          WHERE t.tenant_id = ${TEST_TENANT} AND t.seller_id = c.id AND b.is_government AND extract(year FROM t.occurred_on) IN (c.y, c.y + 1)) AS market
        FROM cohort c),
      last AS (SELECT DISTINCT ON (enterprise_id, extract(year FROM period)) enterprise_id AS id, extract(year FROM period)::int AS y, status
               FROM enterprise_snapshot WHERE tenant_id = ${TEST_TENANT} ORDER BY enterprise_id, extract(year FROM period), period DESC)
      SELECT m.market, count(*) FILTER (WHERE l.status = 'ACTIVE')::int AS active, count(*) FILTER (WHERE l.status <> 'ACTIVE')::int AS inactive
      FROM marked m JOIN last l ON l.id = m.id AND l.y = m.y + 1 GROUP BY 1`);
    const rate = (market: boolean) => {
      const g = groups.find((r) => r.market === market)!;
      return g.active / (g.active + g.inactive);
    };
    expect(rate(true)).toBeGreaterThan(0.82);
    expect(rate(true)).toBeLessThan(0.95);
    expect(rate(false)).toBeGreaterThan(0.5);
    expect(rate(false)).toBeLessThan(0.7);
    const [trained] = await rows(sql<{ share: number }>`
      SELECT (count(DISTINCT a.enterprise_id)::float8 / (SELECT count(*) FROM party WHERE tenant_id = ${TEST_TENANT} AND kind = 'ENTERPRISE' AND region_code LIKE '61.12.%'))::float8 AS share
      FROM assistance a WHERE a.tenant_id = ${TEST_TENANT} AND a.kind = 'TRAINING' AND a.occurred_on BETWEEN '2023-01-01' AND '2023-12-31'`);
    expect(trained!.share).toBeGreaterThan(0.14);
    expect(trained!.share).toBeLessThan(0.24);
  });

  it('has every district between 60 % and 95 % of its 2025 collection target verified', async () => {
    const districts = await rows(sql<{ code: string; target: number; verified: number }>`
      SELECT c.region_code AS code, c.enterprises AS target,
        (SELECT count(*) FROM party p JOIN enterprise_profile e ON e.tenant_id = p.tenant_id AND e.party_id = p.id
         WHERE p.tenant_id = ${TEST_TENANT} AND p.region_code LIKE c.region_code || '.%' AND p.registered_on <= '2025-12-31' AND e.verification = 'VERIFIED')::int AS verified
      FROM collection_target c WHERE c.tenant_id = ${TEST_TENANT} AND c.year = 2025`);
    expect(districts).toHaveLength(9);
    for (const d of districts) {
      expect(d.verified / d.target).toBeGreaterThanOrEqual(0.58);
      expect(d.verified / d.target).toBeLessThanOrEqual(0.96);
    }
  });

  it('books government purchases on goods-and-services accounts and tags agency purchases to programs', async () => {
    const [r] = await rows(sql<{
      gov: number;
      coded: number;
      agency: number;
      tagged: number;
      with_product: number;
      all: number;
    }>`
      SELECT count(*) FILTER (WHERE b.is_government)::int AS gov,
        count(*) FILTER (WHERE b.is_government AND t.account_code LIKE '5.1.02.%')::int AS coded,
        count(*) FILTER (WHERE b.kind = 'AGENCY')::int AS agency,
        count(*) FILTER (WHERE b.kind = 'AGENCY' AND t.program_id IS NOT NULL)::int AS tagged,
        count(*) FILTER (WHERE t.product_id IS NOT NULL)::int AS with_product, count(*)::int AS all
      FROM "transaction" t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id WHERE t.tenant_id = ${TEST_TENANT}`);
    expect(r!.coded).toBe(r!.gov);
    expect(r!.tagged).toBe(r!.agency);
    expect(r!.with_product / r!.all).toBeGreaterThan(0.5);
    const [december] = await rows(sql<{ ratio: number }>`
      SELECT (count(*) FILTER (WHERE extract(month FROM occurred_on) = 12)::float8 / nullif(count(*) FILTER (WHERE extract(month FROM occurred_on) = 1), 0))::float8 AS ratio
      FROM "transaction" t JOIN party b ON b.tenant_id = t.tenant_id AND b.id = t.buyer_id WHERE t.tenant_id = ${TEST_TENANT} AND b.kind = 'AGENCY'`);
    expect(december!.ratio).toBeGreaterThan(2);
  });
});
