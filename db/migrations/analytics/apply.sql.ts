import { CELL_KEY, CELL_YEAR_KEY, SELLER_KEY, SPEND_KEY, SUMMED_ROLLUPS, YEAR_KEY } from './tables.ts';

/*
 * analytics_apply(tenant, deltas): the one definition of how purchases feed the rollups. Every
 * caller goes through it: the statement triggers on "transaction" (TRIGGER mode), the scheduler
 * applying recorded changes in batches (SCHEDULED mode), the reclassification of parties (their
 * purchases subtracted with the old class, added with the new) and the full rebuild.
 *
 * Invariant: rollup = Σ over the purchases applied of contribution(purchase, class[buyer],
 * class[seller]), the classes being those stored in analytics_party_class. A delta of sign +1
 * adds a purchase's contribution and -1 subtracts it, so an update is -old +new and the order of
 * deltas within a call does not matter. Each summed rollup gets one INSERT … SELECT … GROUP BY …
 * ON CONFLICT DO UPDATE adding the signed sums (keys whose deltas cancel out are left alone); then,
 * when something was subtracted, the rows whose count reached 0 leave; then the seller-years and
 * agency-years the deltas touched are re-derived from analytics_seller_month, which is exact, so
 * they are too. A purchase whose buyer or seller has no class yet (a party the scheduler has not
 * classified) contributes nothing, on the way in as on the way out; reclassifying that party adds
 * it (classify.sql.ts).
 *
 * Months are calendar months (date_trunc on a timestamp without time zone, so no TimeZone
 * setting shifts them).
 */

const MONTH = "date_trunc('month', d.occurred_on::timestamp)::date";
const YEAR = "date_part('year', d.occurred_on)::smallint";

/** ON CONFLICT clause adding the signed sums to the stored row. */
export const add = (key: string, extra = '') =>
  `ON CONFLICT (${key}) DO UPDATE SET amount = r.amount + excluded.amount, n = r.n + excluded.n${extra}`;

/** Keep only the keys whose deltas do not cancel out. */
export const CHANGED = 'HAVING sum(sign) <> 0 OR sum(sign * amount) <> 0';

/** The summed rollups of one spending grain (month or year, with or without the seller's cell). */
function spend(table: string, key: string, period: 'month' | 'year', cells: boolean): string {
  const cell = cells ? ', district, sector' : '';
  return `INSERT INTO ${table} AS r (${key}, amount, n)
        SELECT p_tenant, ${period}, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk${cell},
               sum(sign * amount), sum(sign)
        FROM src WHERE agency_id IS NOT NULL
        GROUP BY ${period}, agency_id, buyer_kind, buyer_gov, category, account_code, seller_class, seller_umk${cell}
        ${CHANGED}
        ${add(key)}`;
}

/**
 * The upsert of what each party of L paid (as buyer) and received (as seller) per month or year:
 * analytics_party_month here, analytics_party_year (party-year.sql.ts) by year.
 */
export const partyUpsert = (table: string, period: 'month' | 'year') =>
  `INSERT INTO ${table} AS r (tenant_id, ${period}, party_id, received, paid, n)
        SELECT p_tenant, ${period}, party_id, sum(sign * received), sum(sign * paid), sum(sign)
        FROM (
          SELECT ${period}, buyer_id AS party_id, 0::bigint AS received, amount AS paid, sign FROM src WHERE buyer_in_l
          UNION ALL
          SELECT ${period}, seller_id, amount, 0::bigint, sign FROM src WHERE seller_in_l
        ) x
        GROUP BY ${period}, party_id
        HAVING sum(sign) <> 0 OR sum(sign * received) <> 0 OR sum(sign * paid) <> 0
        ON CONFLICT (tenant_id, ${period}, party_id) DO UPDATE
          SET received = r.received + excluded.received, paid = r.paid + excluded.paid, n = r.n + excluded.n`;

export const UPSERTS = [
  spend('analytics_spend_month', SPEND_KEY, 'month', false),
  spend('analytics_spend_cell_month', CELL_KEY, 'month', true),
  spend('analytics_spend_year', YEAR_KEY, 'year', false),
  spend('analytics_spend_cell_year', CELL_YEAR_KEY, 'year', true),
  `INSERT INTO analytics_seller_month AS r (${SELLER_KEY}, district, sector, amount, n)
        SELECT p_tenant, month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id,
               min(district), min(sector), sum(sign * amount), sum(sign)
        FROM src WHERE agency_id IS NOT NULL AND seller_class = 'LOCAL_UMKM'
        GROUP BY month, agency_id, buyer_kind, buyer_gov, category, account_code, seller_id
        ${CHANGED}
        ${add(SELLER_KEY, ', district = excluded.district, sector = excluded.sector')}`,
  `INSERT INTO analytics_program_spend AS r (tenant_id, program_id, seller_class, amount, n)
        SELECT p_tenant, program_id, seller_class, sum(sign * amount), sum(sign)
        FROM src WHERE program_id IS NOT NULL
        GROUP BY program_id, seller_class
        ${CHANGED}
        ${add('tenant_id, program_id, seller_class')}`,
  `INSERT INTO analytics_program_seller AS r (tenant_id, program_id, seller_id, amount, n)
        SELECT p_tenant, program_id, seller_id, sum(sign * amount), sum(sign)
        FROM src WHERE program_id IS NOT NULL AND seller_class = 'LOCAL_UMKM'
        GROUP BY program_id, seller_id
        ${CHANGED}
        ${add('tenant_id, program_id, seller_id')}`,
  `INSERT INTO analytics_pair_month AS r (tenant_id, month, buyer_id, seller_id, amount, n)
        SELECT p_tenant, month, buyer_id, seller_id, sum(sign * amount), sum(sign)
        FROM src WHERE buyer_in_l AND seller_in_l
        GROUP BY month, buyer_id, seller_id
        ${CHANGED}
        ${add('tenant_id, month, buyer_id, seller_id')}`,
  // What each party of L paid (as buyer) and received (as seller).
  partyUpsert('analytics_party_month', 'month'),
];

/** The deltas analytics_apply is given: its argument, as rows. */
const ARGUMENT = 'unnest(p_rows)';

/** The deltas with the classes of their buyer and seller: read once, shared by every upsert. */
const source = (deltas: string) => `src AS MATERIALIZED (
        SELECT d.sign, d.amount, d.category, coalesce(d.account_code, '') AS account_code, d.program_id,
               d.buyer_id, d.seller_id, ${MONTH} AS month, ${YEAR} AS year,
               b.agency_id, b.buyer_kind, b.is_government AS buyer_gov, b.in_l AS buyer_in_l,
               s.seller_class, s.is_umk AS seller_umk, s.district, s.sector, s.in_l AS seller_in_l
        FROM ${deltas} d
        JOIN analytics_party_class b ON b.tenant_id = p_tenant AND b.party_id = d.buyer_id
        JOIN analytics_party_class s ON s.tenant_id = p_tenant AND s.party_id = d.seller_id
      )`;

const BIT = "1 << (date_part('month', m.month)::int - 1)";
const sellerYears = (deltas: string) => `(SELECT DISTINCT ${YEAR} AS year, d.seller_id FROM ${deltas} d)`;
const SELLER_YEARS = sellerYears(ARGUMENT);
const IN_SELLER_YEAR = `m.tenant_id = p_tenant AND m.seller_id = a.seller_id
          AND m.month >= make_date(a.year, 1, 1) AND m.month < make_date(a.year + 1, 1, 1) AND m.n > 0`;
// The agency-years the deltas touched, through their buyers' stored classes.
const agencyYears = (deltas: string) => `(SELECT DISTINCT ${YEAR} AS year, b.agency_id FROM ${deltas} d
        JOIN analytics_party_class b ON b.tenant_id = p_tenant AND b.party_id = d.buyer_id
        WHERE b.agency_id IS NOT NULL)`;
const AGENCY_YEARS = agencyYears(ARGUMENT);
const IN_AGENCY_YEAR = `m.tenant_id = p_tenant AND m.agency_id = a.agency_id
          AND m.month >= make_date(a.year, 1, 1) AND m.month < make_date(a.year + 1, 1, 1) AND m.n > 0`;

/** The one statement feeding the summed rollups (`upserts`, in order) from `deltas`. */
const summedStatement = (deltas: string, upserts: readonly string[]) => `WITH ${source(deltas)},
      ${upserts
        .slice(0, -1)
        .map((u, i) => `u${i} AS (${u})`)
        .join(',\n      ')}
      ${upserts.at(-1)}`;

/** The seller-years `deltas` touch, re-derived from the monthly seller cells. */
const sellerYearUpsert = (
  deltas: string,
) => `INSERT INTO analytics_seller_year AS r (tenant_id, year, seller_id, district, sector, m_agency, m_net_gov, m_net_other)
        SELECT p_tenant, a.year, a.seller_id, min(m.district), min(m.sector),
          coalesce(bit_or(${BIT}) FILTER (WHERE m.buyer_kind = 'AGENCY'), 0),
          coalesce(bit_or(${BIT}) FILTER (WHERE m.buyer_kind <> 'AGENCY' AND m.buyer_gov), 0),
          coalesce(bit_or(${BIT}) FILTER (WHERE m.buyer_kind <> 'AGENCY' AND NOT m.buyer_gov), 0)
        FROM ${sellerYears(deltas)} a JOIN analytics_seller_month m ON ${IN_SELLER_YEAR}
        GROUP BY a.year, a.seller_id
        ON CONFLICT (tenant_id, year, seller_id) DO UPDATE SET district = excluded.district, sector = excluded.sector,
          m_agency = excluded.m_agency, m_net_gov = excluded.m_net_gov, m_net_other = excluded.m_net_other`;

/** The agency-years `deltas` touch, recounted from the monthly seller cells. */
const agencyYearUpsert = (
  deltas: string,
) => `INSERT INTO analytics_agency_year AS r (tenant_id, year, agency_id, direct, with_network)
        SELECT p_tenant, a.year, a.agency_id,
          count(DISTINCT m.seller_id) FILTER (WHERE m.buyer_kind = 'AGENCY'), count(DISTINCT m.seller_id)
        FROM ${agencyYears(deltas)} a JOIN analytics_seller_month m ON ${IN_AGENCY_YEAR}
        GROUP BY a.year, a.agency_id
        ON CONFLICT (tenant_id, year, agency_id) DO UPDATE SET direct = excluded.direct, with_network = excluded.with_network`;

/**
 * The apply function over the given summed rollups (the baseline's, or a later migration's with
 * more): `upserts` feed them, in order, and `summed` lose their rows whose count reached 0.
 */
export const applyFunction = (
  upserts: readonly string[],
  summed: readonly string[],
) => `CREATE FUNCTION analytics_apply(p_tenant text, p_rows analytics_delta[])
    RETURNS void LANGUAGE plpgsql AS $fn$
    DECLARE
      v_subtracts boolean;
    BEGIN
      IF coalesce(cardinality(p_rows), 0) = 0 THEN
        RETURN;
      END IF;
      SELECT bool_or(d.sign < 0) INTO v_subtracts FROM unnest(p_rows) d;

      ${summedStatement(ARGUMENT, upserts)};

      IF v_subtracts THEN
        ${summed.map((t) => `DELETE FROM ${t} WHERE tenant_id = p_tenant AND n = 0;`).join('\n        ')}
      END IF;

      -- The seller-years touched, re-derived from the (now updated) monthly seller cells.
      ${sellerYearUpsert(ARGUMENT)};
      -- The agency-years touched, recounted.
      ${agencyYearUpsert(ARGUMENT)};
      IF v_subtracts THEN
        DELETE FROM analytics_seller_year y USING ${SELLER_YEARS} a
          WHERE y.tenant_id = p_tenant AND y.year = a.year AND y.seller_id = a.seller_id
            AND NOT EXISTS (SELECT 1 FROM analytics_seller_month m WHERE ${IN_SELLER_YEAR});
        DELETE FROM analytics_agency_year y USING ${AGENCY_YEARS} a
          WHERE y.tenant_id = p_tenant AND y.year = a.year AND y.agency_id = a.agency_id
            AND NOT EXISTS (SELECT 1 FROM analytics_seller_month m WHERE ${IN_AGENCY_YEAR});
      END IF;
    END
    $fn$`;

/** analytics_apply as the baseline migration (2026_11_30_1000_analytics) defines it. */
export const APPLY_FUNCTION = applyFunction(UPSERTS, SUMMED_ROLLUPS);

/** Every purchase of the tenant as a delta of sign +1: what a fill aggregates. */
const ALL_PURCHASES = `(SELECT 1::smallint AS sign, t.buyer_id, t.seller_id, t.program_id, t.category, t.account_code,
               t.amount, t.occurred_on
        FROM "transaction" t WHERE t.tenant_id = p_tenant)`;

/** An upsert as a plain INSERT: its ON CONFLICT clause, always its last, left out. */
function plainInsert(upsert: string): string {
  const at = upsert.lastIndexOf('ON CONFLICT (');
  if (at < 0) throw new Error(`not an upsert: ${upsert.slice(0, 60)}`);
  return upsert.slice(0, at).trimEnd();
}

/**
 * A plain INSERT … SELECT … GROUP BY keys whose rows are written in the order of those keys: every
 * rollup's primary key is the tenant and then its GROUP BY keys, in the same order. So a period's
 * rows lie together in the table (its months or years are the keys' first column), and a range
 * reads only the pages that hold it: at scale 100, in the hash aggregates' order, one year of
 * analytics_pair_month was spread over every page of the table.
 */
function inKeyOrder(insert: string): string {
  const keys = [...insert.matchAll(/GROUP BY ([^\n]+)/g)].at(-1)?.[1];
  if (!keys) throw new Error(`no GROUP BY: ${insert.slice(0, 60)}`);
  return `${insert}\n        ORDER BY ${keys.trim()}`;
}

/**
 * What analytics_apply does with every purchase of a tenant at once, into rollups that hold none of
 * its rows: the same statements over the same source (the summed `upserts`, then the seller-years
 * and agency-years), as plain INSERTs. The keys of one GROUP BY are distinct, so no row would have
 * met a conflict; and without ON CONFLICT the tables need no unique index while they are written,
 * so a loader may drop them and build them once afterwards (demo/load.ts). With `keyOrder` (since
 * migration 2026_12_08_1000_analytics_fill_in_key_order) each rollup's rows are written in its key
 * order (inKeyOrder).
 */
export const fillStatements = (upserts: readonly string[], keyOrder = false): string[] => {
  const insert = (upsert: string) => (keyOrder ? inKeyOrder(plainInsert(upsert)) : plainInsert(upsert));
  return [
    summedStatement(ALL_PURCHASES, upserts.map(insert)),
    insert(sellerYearUpsert(ALL_PURCHASES)),
    insert(agencyYearUpsert(ALL_PURCHASES)),
  ];
};

/**
 * One applier at a time (the scheduler, a rebuild, a change of mode): a transaction-scoped
 * advisory lock, in the two-key space so it never meets the start-up lock of db/src/migrate.ts.
 */
export const APPLY_LOCK = 'PERFORM pg_advisory_xact_lock(53527464, 1)';

/** A transaction row (alias `t`) as a delta of the given sign. */
export const delta = (sign: '1' | '-1' | 'p_sign', t = 't') =>
  `ROW(${sign}::smallint, ${t}.buyer_id, ${t}.seller_id, ${t}.program_id, ${t}.category, ${t}.account_code, ${t}.amount, ${t}.occurred_on)::analytics_delta`;
