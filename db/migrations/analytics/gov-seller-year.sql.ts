import { add, CHANGED } from './apply.sql.ts';
import { fillFunction } from './classify.sql.ts';
import { ALL_ROLLUPS_NOW, rollupFunctions, SUMMED_ROLLUPS_NOW, UPSERTS_NOW } from './party-year.sql.ts';

/*
 * analytics_gov_seller_year (migration 2026_12_09_1000_analytics_gov_seller_year): what government
 * buyers paid each local UMKM seller per calendar year, agencies apart from their network units
 * (`direct`). The domino effect's injection (docs/metrics.md "Re-spending rounds") over whole
 * years with no agency, category or account filter reads it instead of analytics_seller_month,
 * whose rows are also split by agency, category and account: at scale 100 the whole recorded
 * period is 311,775 rows here against 912,334 there. Fed by the one apply function like every
 * summed rollup, so both modes, reclassification and the rebuild keep it.
 */

export const GOV_SELLER_YEAR = 'analytics_gov_seller_year';

const KEY = 'tenant_id, year, seller_id, direct';

export const GOV_SELLER_YEAR_TABLE = `CREATE TABLE ${GOV_SELLER_YEAR} (
      tenant_id text NOT NULL,
      year smallint NOT NULL,
      seller_id bigint NOT NULL,
      direct boolean NOT NULL,
      sector text NOT NULL,
      amount bigint NOT NULL,
      n bigint NOT NULL,
      PRIMARY KEY (${KEY})
    )`;

/**
 * analytics_seller_month's upsert restricted to government buyers and summed by year, with the
 * agency, buyer kind, category and account dropped but for `direct` (an agency, not one of its
 * units). The seller's sector follows its latest class, as there.
 */
const GOV_SELLER_YEAR_UPSERT = `INSERT INTO ${GOV_SELLER_YEAR} AS r (${KEY}, sector, amount, n)
        SELECT p_tenant, year, seller_id, buyer_kind = 'AGENCY', min(sector), sum(sign * amount), sum(sign)
        FROM src WHERE agency_id IS NOT NULL AND seller_class = 'LOCAL_UMKM' AND buyer_gov
        GROUP BY year, seller_id, buyer_kind = 'AGENCY'
        ${CHANGED}
        ${add(KEY, ', sector = excluded.sector')}`;

/** The upserts of analytics_apply since this migration. */
export const UPSERTS_NEXT = [...UPSERTS_NOW, GOV_SELLER_YEAR_UPSERT];

/** Every summed rollup since this migration (analytics_apply removes their emptied rows). */
export const SUMMED_ROLLUPS_NEXT = [...SUMMED_ROLLUPS_NOW, GOV_SELLER_YEAR];

/** Every rollup since this migration: what a rebuild empties and refills, what statistics watch. */
export const ALL_ROLLUPS_NEXT = [...ALL_ROLLUPS_NOW, GOV_SELLER_YEAR];

/** The functions that list the rollups (CREATE OR REPLACE), with analytics_gov_seller_year among them. */
export const GOV_SELLER_YEAR_FUNCTIONS = rollupFunctions(UPSERTS_NEXT, SUMMED_ROLLUPS_NEXT, ALL_ROLLUPS_NEXT);

/** Those functions as the migrations before left them (the down). */
export const PREVIOUS_ROLLUP_FUNCTIONS = rollupFunctions(UPSERTS_NOW, SUMMED_ROLLUPS_NOW, ALL_ROLLUPS_NOW);

/** analytics_fill(tenant, key_order) writing analytics_gov_seller_year too (CREATE: drop the old one first). */
export const GOV_SELLER_YEAR_FILL = fillFunction(UPSERTS_NEXT, ALL_ROLLUPS_NEXT, true);

/** analytics_fill as migration 2026_12_08_1000_analytics_fill_in_key_order defined it (the down). */
export const PREVIOUS_FILL = fillFunction(UPSERTS_NOW, ALL_ROLLUPS_NOW, true);

/**
 * The existing seller-months summed by year: exact, as every seller-month row is the sum of the
 * same contributions; in key order, like the demo's fill (apply.sql.ts inKeyOrder).
 */
export const FILL_GOV_SELLER_YEAR = `INSERT INTO ${GOV_SELLER_YEAR} (${KEY}, sector, amount, n)
    SELECT tenant_id, date_part('year', month)::smallint AS year, seller_id, buyer_kind = 'AGENCY' AS direct,
      min(sector), sum(amount), sum(n)
    FROM analytics_seller_month
    WHERE buyer_gov
    GROUP BY tenant_id, date_part('year', month)::smallint, seller_id, buyer_kind = 'AGENCY'
    HAVING sum(n) <> 0
    ORDER BY tenant_id, year, seller_id, direct`;
