import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleFile, importCsvBundle } from '../../import/csv-import.ts';
import { BATCH_RECORDS } from '../../import/stream.ts';
import type { DatabaseHandle } from '../../src/connection.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../../src/testing.ts';
import { count, fileCounts } from '../import-harness.ts';

/*
 * transactions.csv is read in batches of 20,000 records (or 4 MB): what the importer knows about
 * earlier batches (refs used, lines) must hold across them, and a voided purchase must stay voided.
 */

const PARTIES: BundleFile = {
  name: 'parties.csv',
  content:
    'ref,kind,name,region_code,agency_code,nib,kbli_code\nAG-1,AGENCY,Dinas Satu,61.12,1.1.0.00,,\nEN-1,ENTERPRISE,Usaha Satu,61.12,,9100000000001,46311\n',
};
const HEADER = 'ref,buyer_ref,seller_ref,category,amount,occurred_on\n';
/** A purchase line; each test uses refs of its own prefix, so neither sees the other's rows. */
const row = (i: number, prefix = 'TX') => `${prefix}-${i},AG-1,EN-1,FOOD_STAPLES,${1_000 + i},2024-01-15\n`;

/** Enough rows for a second batch, with the two faulty lines in it. */
const ROWS = BATCH_RECORDS + 10_000;
const DUPLICATE = BATCH_RECORDS + 5_002;
const BAD = BATCH_RECORDS + 6_001;

describe(`transactions.csv streamed in batches, on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it('finds a ref used again in a later batch and a bad byte in a later batch, naming their lines', async () => {
    // Lines: header 1, TX-0 on line 2 … TX-(ROWS-1) on line ROWS+1, past the first batch of
    // BATCH_RECORDS records. Line DUPLICATE repeats TX-1 (line 3); line BAD has a Latin-1 é in its category.
    const parts: Buffer[] = [Buffer.from(HEADER)];
    for (let i = 0; i < ROWS; i++) {
      const line = i + 2;
      if (line === DUPLICATE) parts.push(Buffer.from(`TX-1,AG-1,EN-1,FOOD_STAPLES,5,2024-01-15\n`));
      else if (line === BAD)
        parts.push(Buffer.from(`TX-${i},AG-1,EN-1,FOOD_STAPL`), Buffer.from([0xe9]), Buffer.from(`S,9,2024-01-15\n`));
      else parts.push(Buffer.from(row(i)));
    }
    const files = [PARTIES, { name: 'transactions.csv', content: Buffer.concat(parts) }];
    const stored = await count(handle, 'transaction');
    const report = await importCsvBundle(handle.db, TEST_TENANT, files);
    expect(report.rejected.map((r) => [r.file, r.line, r.column, r.reason.en])).toEqual([
      ['transactions.csv', DUPLICATE, 'ref', 'duplicate ref TX-1: line 3 already has it'],
      [
        'transactions.csv',
        BAD,
        'category',
        'invalid UTF-8 (bad encoding): save the file as UTF-8 (in Excel: "CSV UTF-8")',
      ],
    ]);
    expect(fileCounts(report)['transactions.csv']).toEqual({
      rows: ROWS,
      inserted: ROWS - 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
    });
    expect(await count(handle, 'transaction')).toBe(stored + ROWS - 2);
    // TX-1 keeps the amount of its first line (1,001), not the 5 of the duplicate.
    const tx1 = await sql<{ amount: string }>`SELECT amount::text FROM "transaction" WHERE source_ref = 'TX-1'`.execute(
      handle.db,
    );
    expect(tx1.rows).toEqual([{ amount: '1001' }]);

    const again = await importCsvBundle(handle.db, TEST_TENANT, files);
    expect(fileCounts(again)['transactions.csv']).toEqual({
      rows: ROWS,
      inserted: 0,
      updated: 0,
      unchanged: ROWS - 2,
      rejected: 2,
    });
  });

  it('leaves a voided purchase voided when the bundle is imported again, counting it unchanged with a warning', async () => {
    const files = [PARTIES, { name: 'transactions.csv', content: HEADER + row(1, 'TV') + row(2, 'TV') + row(3, 'TV') }];
    await importCsvBundle(handle.db, TEST_TENANT, files);
    // Void TV-2 as voidTransaction does: the row moves to voided_transaction.
    await sql`
      WITH gone AS (DELETE FROM "transaction" WHERE tenant_id = ${TEST_TENANT} AND source_ref = 'TV-2' RETURNING *)
      INSERT INTO voided_transaction (tenant_id, id, buyer_id, seller_id, program_id, product_id, category,
        account_code, funding_source, amount, quantity, occurred_on, source, source_ref, voided_by, void_reason)
      SELECT tenant_id, id, buyer_id, seller_id, program_id, product_id, category, account_code, funding_source,
        amount, quantity, occurred_on, source, source_ref, NULL, 'salah input'
      FROM gone`.execute(handle.db);
    const before = await count(handle, 'transaction');

    const report = await importCsvBundle(handle.db, TEST_TENANT, files);
    expect(fileCounts(report)['transactions.csv']).toMatchObject({ inserted: 0, unchanged: 3, rejected: 0 });
    expect(report.warnings.filter((w) => w.file === 'transactions.csv')).toEqual([
      {
        file: 'transactions.csv',
        line: 3,
        column: 'ref',
        message: {
          id: 'ref TV-2 sudah dibatalkan: tetap batal dan tidak diimpor lagi',
          en: 'ref TV-2 was voided: it stays voided and is not imported again',
        },
      },
    ]);
    expect(await count(handle, 'transaction')).toBe(before);
    const tx2 = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM "transaction" WHERE source_ref = 'TV-2'`.execute(handle.db);
    expect(tx2.rows).toEqual([{ n: 0 }]);
    expect(await count(handle, 'voided_transaction')).toBe(1);
  });
});
