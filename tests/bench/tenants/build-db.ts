/**
 * Builds the databases of the tenants benchmark (`pnpm bench:tenants --build`), once: they are
 * reused by every later run (tenants.bench.ts checks what they hold and rebuilds nothing).
 *
 * - `jj_tenants20`: 20 tenants in one PostgreSQL database: Kubu Raya (61.12) at scale 10, the 13
 *   other regencies and cities of West Kalimantan and 6 of Central Kalimantan at scale 1 (the demo
 *   dataset drawn again for each, placed in that regency: db/demo/load.ts);
 * - `jj_tenants_alone`: Kota Pontianak (61.71) at scale 1 alone, the same rows as its copy in
 *   jj_tenants20 (the same seed), to compare a scale-1 tenant alone and among 20;
 * - `jj_tenants_big`: Kubu Raya at scale 10 alone, a copy of the shared `jejaring_scale10` (which
 *   stays untouched: the server migrates the database it starts on).
 *
 * Options: --host-url postgres://postgres@127.0.0.1:5432 (the server; never the shared demo databases).
 */
import { migrateToLatest, openDatabase } from '@jejaring/db';
import { loadDemo } from '@jejaring/db/demo';
import { sql } from 'kysely';
import pg from 'pg';

export const BIG_TENANT = '61.12';
export const SMALL_TENANT = '61.71';
/** Kubu Raya first (scale 10), then 19 regencies at scale 1. */
export const TENANTS = [
  BIG_TENANT,
  ...['61.01', '61.02', '61.03', '61.04', '61.05', '61.06', '61.07', '61.08', '61.09', '61.10', '61.11'],
  ...['61.71', '61.72', '62.01', '62.02', '62.03', '62.04', '62.05', '62.06'],
];
export const DB_MANY = 'jj_tenants20';
export const DB_ALONE = 'jj_tenants_alone';
export const DB_BIG = 'jj_tenants_big';

const scaleOf = (tenant: string) => (tenant === BIG_TENANT ? 10 : 1);

/**
 * Creates `name` (dropping a partial one) and loads `tenants` into it, each migrated and given the
 * demo; `resume`: keeps the database and loads only the tenants that hold no purchases yet.
 */
async function build(hostUrl: string, name: string, tenants: readonly string[], resume = false): Promise<void> {
  if (!resume) {
    const admin = new pg.Client({ connectionString: `${hostUrl}/postgres` });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  }
  const handle = await openDatabase({ engine: 'postgres', url: `${hostUrl}/${name}` }, { poolSize: 2 });
  try {
    for (const tenant of tenants) {
      const started = performance.now();
      await migrateToLatest(handle.db, tenant);
      const held = await sql<{ n: string }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM "transaction" WHERE tenant_id = ${tenant} LIMIT 1) s`.execute(
        handle.db,
      );
      if (Number(held.rows[0]?.n) > 0) continue;
      const { transactions } = await loadDemo(handle.db, tenant, { seed: 1, scale: scaleOf(tenant) });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      process.stderr.write(
        `${name}: ${tenant} scale ${scaleOf(tenant)}: ${transactions} transactions in ${seconds} s\n`,
      );
    }
  } finally {
    await handle.close();
  }
}

/** Copies the shared scale-10 demo (a template copy: retried while someone is connected to it). */
export async function copyBig(hostUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: `${hostUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_BIG}`);
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${DB_BIG} TEMPLATE jejaring_scale10`);
        return;
      } catch (error) {
        if (attempt >= 60 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5_000));
      }
    }
  } finally {
    await admin.end();
  }
}

/** Builds the three databases from scratch. */
export async function buildTenantDatabases(hostUrl: string): Promise<void> {
  await copyBig(hostUrl);
  await build(hostUrl, DB_ALONE, [SMALL_TENANT]);
  await build(hostUrl, DB_MANY, TENANTS);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--host-url');
  const hostUrl = i >= 0 ? (process.argv[i + 1] as string) : 'postgres://postgres@127.0.0.1:5432';
  // --resume: finish an interrupted build of the 20-tenant database.
  if (process.argv.includes('--resume')) await build(hostUrl, DB_MANY, TENANTS, true);
  else await buildTenantDatabases(hostUrl);
}
