import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { importFromPath } from '../../import/sources/index.ts';
import { TEST_TENANT, testEngine } from '../../src/testing.ts';
import { useImportDatabase } from './harness.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/ocds/${name}`, import.meta.url));
const IMPLEMENTATION = 'ocds-213czf-000-00001-06-implementation.json';

describe(`OCDS import on ${testEngine}`, () => {
  const db = useImportDatabase();

  const parties = async () =>
    (
      await db.handle.db
        .selectFrom('party')
        .select(['ref', 'kind', 'name', 'is_government', 'size_class'])
        .where('tenant_id', '=', TEST_TENANT)
        .orderBy('ref')
        .execute()
    ).map((p) => [p.ref, p.kind, p.name, p.is_government]);

  it('imports a release package: parties by role; transactions in another currency rejected with their JSON path', async () => {
    const report = await importFromPath(db.handle.db, TEST_TENANT, fixture(IMPLEMENTATION), IMPLEMENTATION);
    expect(await parties()).toEqual([
      ['OCDS:GB-COH-11111111', 'VENDOR', 'AnyCorp Cycle Provision', false],
      ['OCDS:GB-COH-22222222', 'VENDOR', 'Beta Corp Construction', false],
      ['OCDS:GB-LAC-E09000003', 'VENDOR', 'London Borough of Barnet', true],
    ]);
    expect(report.rejected).toEqual(
      [0, 1].map((t) => ({
        file: IMPLEMENTATION,
        line: 1,
        column: `releases[0].contracts[0].implementation.transactions[${t}].value.currency`,
        reason: {
          id: 'mata uang GBP: hanya jumlah dalam rupiah (IDR) yang diimpor, tanpa konversi',
          en: 'currency GBP: only rupiah (IDR) amounts are imported, without conversion',
        },
        code: 'BAD_USER_INPUT',
      })),
    );
    expect(report.warnings.map((w) => w.message.en)).toContain(
      'buyers are stored as government parties outside the agency list: OCDS gives no SIPD agency code; link them to agencies by hand',
    );
  });

  it('imports rupiah transactions as OCDS-sourced purchases, and a re-import changes nothing', async () => {
    const idr = path.join(db.tmp, 'idr.json');
    await fs.writeFile(idr, (await fs.readFile(fixture(IMPLEMENTATION), 'utf8')).replaceAll('"GBP"', '"IDR"'));
    const first = await importFromPath(db.handle.db, TEST_TENANT, idr, 'idr.json');
    expect(first.rejected).toEqual([]);
    const stored = await db.handle.db
      .selectFrom('transaction as t')
      .innerJoin('party as b', 'b.id', 't.buyer_id')
      .innerJoin('party as s', 's.id', 't.seller_id')
      .select(['t.source', 't.source_ref', 'b.ref as buyer', 's.ref as seller', 't.amount', 't.category'])
      .select(sql<string>`to_char(t.occurred_on, 'YYYY-MM-DD')`.as('day'))
      .where('t.tenant_id', '=', TEST_TENANT)
      .orderBy('t.source_ref')
      .execute();
    expect(stored.map((t) => [t.source, t.source_ref, t.buyer, t.seller, Number(t.amount), t.category, t.day])).toEqual(
      [
        [
          'OCDS',
          'ocds-213czf-000-00001/ocds-213czf-000-00001-1',
          'OCDS:GB-LAC-E09000003',
          'OCDS:GB-COH-11111111',
          50000,
          'OTHER',
          '2010-08-01',
        ],
        [
          'OCDS',
          'ocds-213czf-000-00001/ocds-213czf-000-00001-2',
          'OCDS:GB-LAC-E09000003',
          'OCDS:GB-COH-11111111',
          10000,
          'OTHER',
          '2010-10-01',
        ],
      ],
    );
    const again = await importFromPath(db.handle.db, TEST_TENANT, idr, 'idr.json');
    expect(again.files.filter((f) => f.rows > 0).map((f) => [f.file, f.inserted, f.updated, f.unchanged])).toEqual([
      ['parties.csv', 0, 0, 3],
      ['transactions.csv', 0, 0, 2],
    ]);
  });

  it('all or nothing: a rejected OCDS transaction keeps every party out too', async () => {
    const report = await importFromPath(db.handle.db, TEST_TENANT, fixture(IMPLEMENTATION), IMPLEMENTATION, {
      allOrNothing: true,
    });
    expect(report.committed).toBe(false);
    expect(await parties()).toEqual([]);
  });

  it('reads a record package through its compiled release', async () => {
    const report = await importFromPath(
      db.handle.db,
      TEST_TENANT,
      fixture('ocds-213czf-000-00001.json'),
      'record.json',
    );
    expect((await parties()).map((p) => p[0])).toEqual([
      'OCDS:GB-COH-11111111',
      'OCDS:GB-COH-22222222',
      'OCDS:GB-LAC-E09000003',
    ]);
    expect(report.rejected.map((r) => r.column)).toEqual([
      'records[0].compiledRelease.contracts[0].implementation.transactions[0].value.currency',
      'records[0].compiledRelease.contracts[0].implementation.transactions[1].value.currency',
    ]);
  });

  it('reads 1.0-style and real files: a buyer without parties or id (by name), names in name_en', async () => {
    await importFromPath(db.handle.db, TEST_TENANT, fixture('australia-0.json'), 'australia-0.json');
    const canada = await importFromPath(db.handle.db, TEST_TENANT, fixture('canada-usw.json'), 'canada-usw.json');
    expect(await parties()).toEqual([
      ['OCDS:MISC-BUYANDSELLGCCA-01', 'VENDOR', 'Agriculture and Agri-Food Canada', true],
      [
        'OCDS:name:public works advisory - hunter new england region',
        'VENDOR',
        'Public Works Advisory - Hunter New England Region',
        true,
      ],
    ]);
    expect(canada.warnings.map((w) => w.message.en)).toContain(
      'contracts without implementation.transactions are not spending yet: only their parties are imported',
    );
  });

  it('refuses truncated JSON and JSON that is not OCDS with coded errors, storing nothing', async () => {
    const cut = path.join(db.tmp, 'cut.json');
    const whole = await fs.readFile(fixture(IMPLEMENTATION), 'utf8');
    await fs.writeFile(cut, whole.slice(0, Math.floor(whole.length / 2)));
    await expect(importFromPath(db.handle.db, TEST_TENANT, cut, 'cut.json')).rejects.toMatchObject({
      code: 'TRUNCATED',
    });
    const other = path.join(db.tmp, 'other.json');
    await fs.writeFile(other, '[{"kd_satker": "1"}]');
    await expect(importFromPath(db.handle.db, TEST_TENANT, other, 'other.json')).rejects.toMatchObject({
      code: 'UNKNOWN_FORMAT',
    });
    expect(await parties()).toEqual([]);
  });
});
