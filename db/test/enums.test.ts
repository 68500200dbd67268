import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/connection.ts';
import * as enums from '../src/enums.ts';
import { CHECKED_COLUMNS, PRODUCT_CATEGORIES } from '../src/enums.ts';
import { createTestDatabase, testEngine } from '../src/testing.ts';

/*
 * The migrations wrote each enumeration's CHECK constraint by hand, and landed migrations are never
 * edited, so db/src/enums.ts and the database could drift apart. These tests read the constraints
 * back from pg_catalog after migrating and compare them with the lists.
 */

interface ListCheck {
  column: string;
  values: string[];
}

/**
 * Every single-column CHECK constraint of the form `col IN ('A', 'B', …)` over text, as PostgreSQL
 * prints it (a list of numbers, such as a sign of -1 or 1, is no enumeration).
 */
async function listChecks(handle: DatabaseHandle): Promise<ListCheck[]> {
  const rows = await sql<{ tbl: string; col: string; def: string }>`
    SELECT c.conrelid::regclass::text AS tbl, a.attname AS col, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c
    JOIN pg_namespace n ON n.oid = c.connamespace AND n.nspname = current_schema()
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'c' AND array_length(c.conkey, 1) = 1`.execute(handle.db);
  return rows.rows
    .filter((r) => /= ANY \(\(?ARRAY\[/.test(r.def) && /'::text/.test(r.def))
    .map((r) => ({
      column: `${r.tbl.replace(/"/g, '')}.${r.col}`,
      values: [...r.def.matchAll(/'([^']*)'::text/g)].map((m) => m[1]!),
    }));
}

describe(`enumerations: db/src/enums.ts against the CHECK constraints on ${testEngine}`, () => {
  let handle: DatabaseHandle;
  let checks: ListCheck[];
  beforeAll(async () => {
    handle = await createTestDatabase();
    checks = await listChecks(handle);
  });
  afterAll(() => handle.close());

  it('reads the constraints (transaction.category lists the ten categories)', () => {
    const category = checks.filter((c) => c.column === 'transaction.category');
    expect(category).toHaveLength(1);
    expect(category[0]!.values).toHaveLength(10);
  });

  it('restricts every column named in CHECKED_COLUMNS to exactly its list', () => {
    for (const { values, columns } of CHECKED_COLUMNS) {
      for (const column of columns) {
        const found = checks.filter((c) => c.column === column);
        expect(found, column).toHaveLength(1);
        expect([...found[0]!.values].sort(), column).toEqual([...values].sort());
      }
    }
  });

  it('has no value-list constraint on a column that CHECKED_COLUMNS does not name', () => {
    const named = new Set(CHECKED_COLUMNS.flatMap((c) => c.columns));
    const unnamed = checks.map((c) => c.column).filter((c) => !named.has(c));
    expect(unnamed).toEqual([]);
  });

  it('rejects a value missing from the list (a lower-case category)', async () => {
    expect(PRODUCT_CATEGORIES).not.toContain('snacks');
    await expect(
      sql`INSERT INTO product (tenant_id, ref, seller_id, name, category) VALUES ('x', 'p', 1, 'y', 'snacks')`.execute(
        handle.db,
      ),
    ).rejects.toThrow(/product_category_valid/);
  });

  it('labels every value of every list in both languages, and no label is blank', () => {
    const tables = Object.entries(enums).filter(([name]) => name.endsWith('_LABELS'));
    expect(tables.length).toBe(CHECKED_COLUMNS.length);
    for (const [name, table] of tables) {
      for (const [value, label] of Object.entries(table as Record<string, enums.Label>)) {
        expect(label.id.trim(), `${name}.${value}`).not.toBe('');
        expect(label.en.trim(), `${name}.${value}`).not.toBe('');
      }
    }
  });
});
