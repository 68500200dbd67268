import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import type { Rng } from './random.ts';

/*
 * Random writes to the enterprise snapshots after a fixture is loaded: what the survey forms, the
 * imports and corrections do to them (months added, revenue corrected, cleared or set to 0, a month
 * moved to another year, snapshots deleted one by one and an enterprise's all at once, several rows
 * changed by one statement). Every choice comes from the Rng and the tenant's snapshot rows, never
 * from a rollup. Returns what it did, for messages.
 */

interface Snapshot {
  enterprise: number;
  period: string;
}

const YEARS = [2019, 2020, 2021, 2022, 2023];

const monthOf = (rng: Rng) => `${rng.pick(YEARS)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`;
const revenueOf = (rng: Rng) => (rng.chance(0.15) ? null : rng.chance(0.1) ? 0 : rng.int(1, 3000));

export async function randomSnapshotWrite(db: Kysely<Database>, tenant: string, rng: Rng): Promise<string> {
  const enterprises = (
    await sql<{
      id: string;
    }>`SELECT party_id AS id FROM enterprise_profile WHERE tenant_id = ${tenant} ORDER BY party_id`.execute(db)
  ).rows.map((r) => Number(r.id));
  const snapshots: Snapshot[] = (
    await sql<{ enterprise: string; period: string }>`SELECT enterprise_id AS enterprise, period::text AS period
      FROM enterprise_snapshot WHERE tenant_id = ${tenant} ORDER BY enterprise_id, period`.execute(db)
  ).rows.map((r) => ({ enterprise: Number(r.enterprise), period: r.period }));
  const taken = new Set(snapshots.map((s) => `${s.enterprise}|${s.period}`));
  const kind =
    snapshots.length === 0 ? 'add' : rng.pick(['add', 'add', 'revenue', 'revenue', 'move', 'delete', 'clear', 'scale']);
  if (kind === 'add' && enterprises.length) {
    const rows: Array<{ enterprise: number; period: string; revenue: number | null }> = [];
    for (let k = rng.int(1, 4); k > 0; k--) {
      const enterprise = rng.pick(enterprises);
      const period = monthOf(rng);
      if (taken.has(`${enterprise}|${period}`)) continue;
      taken.add(`${enterprise}|${period}`);
      rows.push({ enterprise, period, revenue: revenueOf(rng) });
    }
    if (rows.length === 0) return 'nothing added';
    await db
      .insertInto('enterprise_snapshot')
      .values(
        rows.map((r) => ({
          tenant_id: tenant,
          enterprise_id: r.enterprise,
          period: r.period,
          revenue: r.revenue,
          status: 'ACTIVE',
        })),
      )
      .execute();
    return `added ${rows.map((r) => `${r.enterprise} ${r.period} = ${r.revenue}`).join(', ')}`;
  }
  const one = rng.pick(snapshots);
  const at = sql`tenant_id = ${tenant} AND enterprise_id = ${one.enterprise} AND period = ${one.period}::date`;
  if (kind === 'revenue') {
    const revenue = revenueOf(rng);
    await sql`UPDATE enterprise_snapshot SET revenue = ${revenue} WHERE ${at}`.execute(db);
    return `revenue of ${one.enterprise} ${one.period} set to ${revenue}`;
  }
  if (kind === 'move') {
    const period = monthOf(rng);
    if (taken.has(`${one.enterprise}|${period}`)) return 'nothing moved';
    await sql`UPDATE enterprise_snapshot SET period = ${period}::date WHERE ${at}`.execute(db);
    return `${one.enterprise} ${one.period} moved to ${period}`;
  }
  if (kind === 'delete') {
    await sql`DELETE FROM enterprise_snapshot WHERE ${at}`.execute(db);
    return `${one.enterprise} ${one.period} deleted`;
  }
  if (kind === 'clear') {
    await sql`DELETE FROM enterprise_snapshot WHERE tenant_id = ${tenant} AND enterprise_id = ${one.enterprise}`.execute(
      db,
    );
    return `every snapshot of ${one.enterprise} deleted`;
  }
  // Every snapshot of one enterprise in one statement: revenue doubled, or its status alone changed.
  if (rng.chance(0.5)) {
    await sql`UPDATE enterprise_snapshot SET revenue = revenue * 2
      WHERE tenant_id = ${tenant} AND enterprise_id = ${one.enterprise}`.execute(db);
    return `revenue of ${one.enterprise} doubled`;
  }
  await sql`UPDATE enterprise_snapshot SET status = 'DORMANT'
    WHERE tenant_id = ${tenant} AND enterprise_id = ${one.enterprise}`.execute(db);
  return `status of ${one.enterprise} changed`;
}
