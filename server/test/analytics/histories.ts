import type { Database } from '@jejaring/db';
import { type Kysely, sql } from 'kysely';
import { countPurchasesBetween, moveReferences } from '../../src/modules/party/merge.queries.ts';
import { voidTransactionRow } from '../../src/modules/transaction/transaction-write.queries.ts';
import { CATEGORIES, type Rng } from './random.ts';

/*
 * Random write histories after a fixture is loaded, for comparing the ways of keeping the rollups
 * (rollup-modes.test.ts): every kind of write the platform makes to what the rollups read —
 * purchases entered, corrected, voided and deleted, parties reclassified (size, place, government
 * flag, parent and cycles, unit type, KBLI), new parties with purchases, and merges. Every choice
 * comes from the Rng and from the tenant's rows (never from the rollups), so the same seed writes
 * the same history into two databases, with the same ids.
 */

interface Rows {
  parties: Array<{ id: number; kind: string }>;
  transactions: number[];
  programs: number[];
}

async function rows(db: Kysely<Database>, tenant: string): Promise<Rows> {
  const parties = await sql<{ id: string; kind: string }>`
    SELECT id, kind FROM party WHERE tenant_id = ${tenant} ORDER BY id`.execute(db);
  const transactions = await sql<{ id: string }>`
    SELECT id FROM "transaction" WHERE tenant_id = ${tenant} ORDER BY id`.execute(db);
  const programs = await sql<{ id: string }>`SELECT id FROM program WHERE tenant_id = ${tenant} ORDER BY id`.execute(
    db,
  );
  return {
    parties: parties.rows.map((p) => ({ id: Number(p.id), kind: p.kind })),
    transactions: transactions.rows.map((t) => Number(t.id)),
    programs: programs.rows.map((p) => Number(p.id)),
  };
}

const ACCOUNTS = ['5.1.02.01', '5.1.02.02', '5.2.02', null];
const SELLER_KINDS = ['ENTERPRISE', 'COOPERATIVE', 'VENDOR'];

const day = (rng: Rng) =>
  `${rng.pick([2021, 2022, 2023])}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/** New purchases in one statement (`label` makes their source refs unique). */
async function enter(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows, label: string): Promise<string> {
  const sellers = r.parties.filter((p) => SELLER_KINDS.includes(p.kind)).map((p) => p.id);
  const buyers = r.parties.map((p) => p.id);
  const values = [];
  for (let i = 0; i < rng.int(1, 6); i++) {
    const buyer = rng.pick(buyers);
    const seller = rng.pick(sellers.filter((s) => s !== buyer));
    if (seller === undefined) continue;
    values.push({
      tenant_id: tenant,
      buyer_id: buyer,
      seller_id: seller,
      program_id: r.programs.length && rng.chance(0.3) ? rng.pick(r.programs) : null,
      category: rng.pick(CATEGORIES),
      account_code: rng.pick(ACCOUNTS),
      amount: rng.chance(0.1) ? rng.int(1, 9) * 1_000_000_000_000 : rng.int(0, 5000),
      occurred_on: day(rng),
      source: 'HISTORY',
      source_ref: `${label}-${i}`,
    });
  }
  if (values.length) await db.insertInto('transaction').values(values).execute();
  return `entered ${values.length}`;
}

/** Corrections: some purchases rewritten in one statement (amount, date, seller, program, category, account). */
async function correct(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  const some = rng.subset(r.transactions, 0.2);
  if (!some.length) return 'corrected none';
  const sellers = r.parties.filter((p) => SELLER_KINDS.includes(p.kind)).map((p) => p.id);
  const seller = rng.pick(sellers);
  const sets = [
    sql`amount = CASE WHEN id % 2 = 0 THEN amount + ${rng.int(1, 900)} ELSE amount END`,
    sql`occurred_on = occurred_on + ${rng.int(-60, 60)}::int`,
    sql`seller_id = CASE WHEN buyer_id = ${seller} THEN seller_id ELSE ${seller}::bigint END`,
    sql`program_id = ${r.programs.length && rng.chance(0.6) ? rng.pick(r.programs) : null}::bigint`,
    sql`category = ${rng.pick(CATEGORIES)}`,
    sql`account_code = ${rng.pick(ACCOUNTS)}`,
  ];
  // Half the time one column alone (a correction that moves only the amount, say), else several.
  const chosen = rng.chance(0.5) ? [rng.pick(sets)] : sets.filter(() => rng.chance(0.5));
  if (!chosen.length) chosen.push(rng.pick(sets));
  await sql`UPDATE "transaction" SET ${sql.join(chosen)}
    WHERE tenant_id = ${tenant} AND id IN (${sql.join(some)})`.execute(db);
  return `corrected ${some.length} (${chosen.length} columns)`;
}

/** An update that changes nothing the rollups read. */
async function touch(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  const some = rng.subset(r.transactions, 0.3);
  if (!some.length) return 'touched none';
  await sql`UPDATE "transaction" SET funding_source = ${rng.pick(['APBD', 'APBN', null])}, quantity = ${rng.int(1, 9)}
    WHERE tenant_id = ${tenant} AND id IN (${sql.join(some)})`.execute(db);
  return `touched ${some.length}`;
}

async function voidOne(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  if (!r.transactions.length) return 'voided none';
  const id = rng.pick(r.transactions);
  await db.transaction().execute((trx) => voidTransactionRow(trx, tenant, id, null, 'salah input'));
  return `voided ${id}`;
}

async function remove(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  const some = rng.subset(r.transactions, 0.15);
  if (!some.length) return 'deleted none';
  await sql`DELETE FROM "transaction" WHERE tenant_id = ${tenant} AND id IN (${sql.join(some)})`.execute(db);
  return `deleted ${some.length}`;
}

/** A change to what a party is classified by. */
async function reclassify(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  const of = (...kinds: string[]) => r.parties.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
  const enterprises = of('ENTERPRISE');
  const units = of('NETWORK_UNIT');
  const where = (ids: number[]) => sql`tenant_id = ${tenant} AND id IN (${sql.join(ids)})`;
  const choice = rng.int(0, 4);
  if (choice === 0 && enterprises.length) {
    const some = rng.subset(enterprises, 0.4);
    if (!some.length) return 'resized none';
    const size = rng.pick(['MICRO', 'SMALL', 'MEDIUM', 'LARGE', null]);
    await sql`UPDATE party SET size_class = ${size} WHERE ${where(some)}`.execute(db);
    return `size ${size} for ${some.length}`;
  }
  if (choice === 1) {
    const id = rng.pick(of(...SELLER_KINDS));
    const region = rng.pick(['61.12.02', '61.12.05.2001', '61.71', '61.12', null]);
    await sql`UPDATE party SET region_code = ${region} WHERE ${where([id])}`.execute(db);
    return `region ${region} for ${id}`;
  }
  if (choice === 2 && units.length) {
    const unit = rng.pick(units);
    const parent = rng.pick([...of('AGENCY'), ...units].filter((p) => p !== unit));
    await sql`UPDATE party SET parent_id = ${parent}, is_government = ${rng.chance(0.5)} WHERE ${where([unit])}`.execute(
      db,
    );
    return `parent ${parent} for ${unit}`;
  }
  if (choice === 3 && units.length) {
    const unit = rng.pick(units);
    const type = rng.pick(['SCHOOL', 'BUMDES', 'OTHER']);
    await sql`UPDATE network_unit_profile SET unit_type = ${type} WHERE tenant_id = ${tenant} AND party_id = ${unit}`.execute(
      db,
    );
    return `unit type ${type} for ${unit}`;
  }
  if (enterprises.length) {
    const id = rng.pick(enterprises);
    const kbli = rng.pick(['47111', '10710', null]);
    await sql`UPDATE enterprise_profile SET kbli_code = ${kbli} WHERE tenant_id = ${tenant} AND party_id = ${id}`.execute(
      db,
    );
    return `kbli ${kbli} for ${id}`;
  }
  return 'reclassified none';
}

/** A new enterprise and purchases from it, in one transaction. */
async function newcomer(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows, label: string): Promise<string> {
  const buyers = r.parties.filter((p) => p.kind === 'AGENCY' || p.kind === 'NETWORK_UNIT').map((p) => p.id);
  await db.transaction().execute(async (trx) => {
    const party = await trx
      .insertInto('party')
      .values({
        tenant_id: tenant,
        ref: label,
        kind: 'ENTERPRISE',
        name: `Usaha ${label}`,
        region_code: rng.pick(['61.12.01', '61.12.03.2001', '61.71']),
        size_class: rng.pick(['MICRO', 'SMALL', 'LARGE', null]),
        is_government: false,
        status: 'ACTIVE',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('enterprise_profile')
      .values({ tenant_id: tenant, party_id: party.id, kbli_code: rng.pick(['10710', '56101', null]) })
      .execute();
    const values = Array.from({ length: rng.int(1, 4) }, (_, i) => ({
      tenant_id: tenant,
      buyer_id: rng.pick(buyers),
      seller_id: party.id,
      category: rng.pick(CATEGORIES),
      account_code: '5.1.02.01',
      amount: rng.int(1, 5000),
      occurred_on: day(rng),
      source: 'HISTORY',
      source_ref: `${label}-${i}`,
    }));
    await trx.insertInto('transaction').values(values).execute();
  });
  return `new enterprise ${label}`;
}

/** Two enterprises merged, as the mergeParties mutation does (purchases between them voided first). */
async function merge(db: Kysely<Database>, tenant: string, rng: Rng, r: Rows): Promise<string> {
  const enterprises = r.parties.filter((p) => p.kind === 'ENTERPRISE').map((p) => p.id);
  if (enterprises.length < 3) return 'merged none';
  const survivor = rng.pick(enterprises);
  const duplicate = rng.pick(enterprises.filter((e) => e !== survivor));
  await db.transaction().execute(async (trx) => {
    if ((await countPurchasesBetween(trx, tenant, survivor, duplicate)) > 0) {
      const between = await sql<{ id: string }>`SELECT id FROM "transaction" WHERE tenant_id = ${tenant}
        AND ((buyer_id = ${survivor} AND seller_id = ${duplicate}) OR (buyer_id = ${duplicate} AND seller_id = ${survivor}))
        ORDER BY id`.execute(trx);
      for (const t of between.rows) await voidTransactionRow(trx, tenant, Number(t.id), null, 'dobel');
    }
    await moveReferences(trx, tenant, survivor, duplicate);
  });
  return `merged ${duplicate} into ${survivor}`;
}

/** One random write on the tenant (a statement or a small transaction); says what it did. */
export async function randomWrite(db: Kysely<Database>, tenant: string, rng: Rng, label: string): Promise<string> {
  const r = await rows(db, tenant);
  switch (
    rng.pick(['enter', 'enter', 'correct', 'correct', 'touch', 'void', 'delete', 'party', 'party', 'new', 'merge'])
  ) {
    case 'enter':
      return enter(db, tenant, rng, r, label);
    case 'correct':
      return correct(db, tenant, rng, r);
    case 'touch':
      return touch(db, tenant, rng, r);
    case 'void':
      return voidOne(db, tenant, rng, r);
    case 'delete':
      return remove(db, tenant, rng, r);
    case 'party':
      return reclassify(db, tenant, rng, r);
    case 'new':
      return newcomer(db, tenant, rng, r, label);
    default:
      return merge(db, tenant, rng, r);
  }
}

/**
 * What one writer does beside others in concurrent-writes.test.ts, in its own transaction `trx`:
 * new purchases in two statements (so that it holds rollup rows from the first while it writes the
 * second), and with `reclassifying` a change to what a party is classified by between them. Writes
 * only new purchases and party attributes, so that writers side by side never update one row.
 */
export async function concurrentWrite(
  trx: Kysely<Database>,
  tenant: string,
  rng: Rng,
  label: string,
  reclassifying: boolean,
): Promise<string> {
  const r = await rows(trx, tenant);
  const done = [await enter(trx, tenant, rng, r, `${label}-a`)];
  if (reclassifying) done.push(await reclassify(trx, tenant, rng, r));
  done.push(await enter(trx, tenant, rng, r, `${label}-b`));
  return done.join(', ');
}
