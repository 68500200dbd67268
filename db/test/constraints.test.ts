import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/connection.ts';
import { describeDataError } from '../src/errors.ts';
import { createTestDatabase, testEngine } from '../src/testing.ts';

const KUBU_RAYA = '61.12';
const PONTIANAK = '61.71';

/** Runs `write` and returns the database's rejection, explained; fails the test if it succeeds. */
async function rejection(write: () => Promise<unknown>) {
  try {
    await write();
  } catch (error) {
    const described = describeDataError(error);
    if (!described) throw error;
    return described;
  }
  throw new Error('expected the database to reject the write');
}

describe(`domain constraints on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let agencyId: number;
  let enterpriseId: number;
  let outsiderId: number;

  beforeAll(async () => {
    handle = await createTestDatabase({ tenants: [KUBU_RAYA, PONTIANAK] });
    const { db } = handle;
    const [agency, enterprise] = await db
      .insertInto('party')
      .values([
        {
          tenant_id: KUBU_RAYA,
          ref: 'A1',
          kind: 'AGENCY',
          name: 'Dinas Pendidikan',
          region_code: '61.12',
          is_government: true,
        },
        {
          tenant_id: KUBU_RAYA,
          ref: 'E1',
          kind: 'ENTERPRISE',
          name: 'Konveksi Maju',
          region_code: '61.12.01.2001',
          size_class: 'MICRO',
        },
      ])
      .returning('id')
      .execute();
    agencyId = agency!.id;
    enterpriseId = enterprise!.id;
    await db
      .insertInto('enterprise_profile')
      .values({ tenant_id: KUBU_RAYA, party_id: enterpriseId, nib: '1234567890123' })
      .execute();
    const outsider = await db
      .insertInto('party')
      .values({
        tenant_id: PONTIANAK,
        ref: 'A1',
        kind: 'AGENCY',
        name: 'Dinas Pendidikan Kota',
        region_code: '61.71',
        is_government: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    outsiderId = outsider.id;
  });
  afterAll(() => handle.close());

  const transaction = (overrides: Record<string, unknown>) => ({
    tenant_id: KUBU_RAYA,
    buyer_id: agencyId,
    seller_id: enterpriseId,
    category: 'GARMENTS' as const,
    account_code: '5.1.02.01.01.0024',
    amount: 1_000_000,
    occurred_on: '2024-03-01',
    source_ref: `T-${Math.random()}`,
    ...overrides,
  });

  it('accepts a valid transaction', async () => {
    const row = transaction({});
    await handle.db.insertInto('transaction').values(row).execute();
    const stored = await handle.db
      .selectFrom('transaction')
      .select(['amount', 'category'])
      .where('source_ref', '=', row.source_ref)
      .execute();
    expect(stored).toEqual([{ amount: 1_000_000, category: 'GARMENTS' }]);
  });

  it('rejects a 12-digit NIB, naming the field', async () => {
    const error = await rejection(() =>
      handle.db
        .updateTable('enterprise_profile')
        .set({ nib: '123456789012' })
        .where('party_id', '=', enterpriseId)
        .execute(),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'nib',
      reason: { id: 'NIB harus tepat 13 angka', en: 'NIB must be exactly 13 digits' },
    });
  });

  it('rejects a NIK that is not 16 digits and a KBLI code that is not 5 digits', async () => {
    const nik = await rejection(() =>
      handle.db
        .updateTable('enterprise_profile')
        .set({ owner_nik: '61120101900001' })
        .where('party_id', '=', enterpriseId)
        .execute(),
    );
    expect(nik).toMatchObject({
      field: 'owner_nik',
      reason: { id: 'NIK harus tepat 16 angka', en: 'NIK must be exactly 16 digits' },
    });
    const kbli = await rejection(() =>
      handle.db
        .updateTable('enterprise_profile')
        .set({ kbli_code: '1410' })
        .where('party_id', '=', enterpriseId)
        .execute(),
    );
    expect(kbli).toMatchObject({ field: 'kbli_code', reason: { en: 'KBLI code must be exactly 5 digits' } });
  });

  it('rejects a negative amount', async () => {
    const error = await rejection(() =>
      handle.db
        .insertInto('transaction')
        .values(transaction({ amount: -5 }))
        .execute(),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'amount',
      reason: { en: 'amount must not be negative' },
    });
  });

  it('rejects a transaction whose buyer belongs to another tenant', async () => {
    const error = await rejection(() =>
      handle.db
        .insertInto('transaction')
        .values(transaction({ buyer_id: outsiderId }))
        .execute(),
    );
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'buyer_id',
      reason: { id: 'pembelinya bukan pihak di kabupaten/kota ini', en: 'the buyer is not a party of this regency' },
    });
  });

  it('rejects an unknown enumeration value and an unknown region', async () => {
    const category = await rejection(() =>
      handle.db
        .insertInto('transaction')
        .values(transaction({ category: 'WEAPONS' }))
        .execute(),
    );
    expect(category).toMatchObject({
      field: 'category',
      reason: { id: 'kategori produk tidak dikenal', en: 'unknown product category' },
    });
    const region = await rejection(() =>
      handle.db
        .insertInto('party')
        .values({ tenant_id: KUBU_RAYA, ref: 'X', kind: 'VENDOR', name: 'Nowhere Ltd', region_code: '99.99' })
        .execute(),
    );
    expect(region).toMatchObject({
      field: 'region_code',
      reason: { id: 'kode wilayah tidak dikenal', en: 'unknown region code' },
    });
  });

  it('rejects a duplicate NIB and a duplicate source reference as conflicts', async () => {
    const other = await handle.db
      .insertInto('party')
      .values({ tenant_id: KUBU_RAYA, ref: 'E2', kind: 'ENTERPRISE', name: 'Kerupuk Bu Siti', region_code: '61.12' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const nib = await rejection(() =>
      handle.db
        .insertInto('enterprise_profile')
        .values({ tenant_id: KUBU_RAYA, party_id: other.id, nib: '1234567890123' })
        .execute(),
    );
    expect(nib).toMatchObject({ code: 'CONFLICT', field: 'nib' });
    await handle.db
      .insertInto('transaction')
      .values(transaction({ source_ref: 'SP2D-1' }))
      .execute();
    const duplicate = await rejection(() =>
      handle.db
        .insertInto('transaction')
        .values(transaction({ source_ref: 'SP2D-1' }))
        .execute(),
    );
    expect(duplicate).toMatchObject({ code: 'CONFLICT', field: 'source_ref' });
  });

  it('rejects a share given as a percentage', async () => {
    const error = await rejection(() =>
      handle.db
        .insertInto('program')
        .values({
          tenant_id: KUBU_RAYA,
          ref: 'P1',
          agency_id: agencyId,
          code: '1.01',
          name: 'Seragam',
          fiscal_year: 2024,
          budget: 1,
          local_target_share: 40,
        })
        .execute(),
    );
    expect(error.field).toBe('local_target_share');
  });

  it('keeps the rows stored before a rejected write', async () => {
    // Its own rows, whatever the other tests stored: one accepted, then one refused.
    const kept = transaction({ source_ref: 'KEEP-1' });
    await handle.db.insertInto('transaction').values(kept).execute();
    await rejection(() =>
      handle.db
        .insertInto('transaction')
        .values(transaction({ source_ref: 'KEEP-2', amount: -1 }))
        .execute(),
    );
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM "transaction" WHERE tenant_id = ${KUBU_RAYA} AND source_ref IN ('KEEP-1', 'KEEP-2')`.execute(
      handle.db,
    );
    expect(count.rows[0]?.n).toBe(1);
  });

  it("explains a Citus shard's violation, named in its message only, as its table's constraint", () => {
    // The error as the Citus coordinator passed it on (Citus 13.2): no constraint field, the shard's id appended.
    const shard = {
      code: '23505',
      message: 'duplicate key value violates unique constraint "transaction_source_ref_unique_102160"',
    };
    expect(describeDataError(shard)).toEqual({
      code: 'CONFLICT',
      field: 'source_ref',
      reason: {
        id: 'transaksi dengan rujukan sumber ini sudah tercatat',
        en: 'a transaction with this source reference is already recorded',
      },
      constraint: 'transaction_source_ref_unique',
    });
    expect(describeDataError({ code: '23514', constraint: 'unknown_check_7' })?.constraint).toBe('unknown_check_7');
    expect(describeDataError({ code: '23505', message: 'no constraint named' })?.constraint).toBeNull();
  });

  it('leaves errors that are not about the data unexplained (they are masked upstream)', () => {
    expect(describeDataError(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBeNull();
  });
});
