import type { DatabaseHandle } from '@jejaring/db';
import { createTestDatabase, TEST_TENANT, testEngine } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ref from '../../../tests/support/oracle/index.ts';
import { loadMatrix } from '../../src/analytics/domino-matrix.sql.ts';
import type { DominoMatrix } from '../../src/analytics/domino-matrix.ts';
import { type PartKey, storeParts } from '../../src/analytics/domino-parts.sql.ts';
import { withWorkMem } from '../../src/analytics/versions.ts';
import { clearTenant, loadFixture } from './fixtures.ts';
import { randomWrite } from './histories.ts';
import { prng, randomFixture } from './random.ts';
import { randomSnapshotWrite } from './snapshot-writes.ts';

/*
 * The domino matrix read from the rollups (whole years of flows from analytics_party_year and of
 * the snapshots' revenue from analytics_snapshot_year, whole months from the monthly rollups and
 * the snapshots, the days at the edges from the purchases) must be, coefficient for coefficient,
 * the one the reference builds from the purchases and snapshots themselves (tests/support/oracle,
 * refDominoMatrix), on random datasets (years 2021-2023) written to after loading (purchases and
 * parties: histories.ts; snapshots: snapshot-writes.ts), for periods of every shape: open, whole
 * years, years with months and days at either edge, within one month. Whole years and months are
 * read from their stored parts (analytics_domino_part) when current: the parts are stored before
 * the writes, and after them the matrices must still be exact, with some parts read stored and the
 * stale ones read from the tables; so too with the parts this process holds parsed since before the
 * writes (some held, the stale ones read again).
 */

const DATASETS = Number(process.env.DOMINO_MATRIX_DATASETS ?? 8);

const PERIODS: Array<[string | null, string | null]> = [
  [null, null],
  ['2021-01-01', '2023-12-31'],
  ['2022-01-01', '2022-12-31'],
  ['2021-03-01', '2023-06-30'],
  ['2021-02-15', '2023-11-20'],
  ['2021-12-31', '2023-01-01'],
  ['2021-11-15', '2022-02-10'],
  ['2022-05-10', null],
  [null, '2022-12-31'],
  [null, '2022-08-17'],
  ['2023-01-01', null],
  ['2022-03-01', '2022-03-31'],
  ['2022-03-05', '2022-03-20'],
];

/** A part's key, as `YEAR 2022-01-01`. */
const keyOf = (part: PartKey) => `${part.span} ${part.start}`;

/** The matrix's non-zero coefficients as buyer → seller → coefficient, by party id. */
function coefficients(m: DominoMatrix): Map<number, Map<number, number>> {
  const out = new Map<number, Map<number, number>>();
  for (let i = 0; i < m.ids.length; i++) {
    const start = m.rowStart[i] as number;
    const end = m.rowStart[i + 1] as number;
    if (start === end) continue;
    const row = new Map<number, number>();
    for (let p = start; p < end; p++) row.set(m.ids[m.cols[p] as number] as number, m.coef[p] as number);
    out.set(m.ids[i] as number, row);
  }
  return out;
}

describe(`the domino matrix equals the one built from the purchases, on ${DATASETS} random datasets (${testEngine})`, () => {
  let handle: DatabaseHandle;
  // Matrices compared with at least one coefficient, over every dataset (some datasets have none).
  let nonEmpty = 0;
  let compared = 0;
  // Parts read stored, and stale parts (a write moved their month or year) read from the tables instead.
  let partsRead = 0;
  let partsStale = 0;
  // Parts held in memory at their current version, and held ones a write moved (read again).
  let partsHeld = 0;
  let heldStale = 0;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  it.each(Array.from({ length: DATASETS }, (_, i) => 3000 + i))('dataset seed %i', async (seed) => {
    const db = handle.db;
    // Voided purchases first: they point at parties (randomWrite voids some).
    await sql`DELETE FROM voided_transaction WHERE tenant_id = ${TEST_TENANT}`.execute(db);
    await clearTenant(db, TEST_TENANT);
    await loadFixture(db, TEST_TENANT, randomFixture(seed));
    // Every period once before the writes, the parts of its whole years and months stored.
    const storedBefore = new Set<string>();
    for (const [from, to] of PERIODS) {
      const { newParts } = await loadMatrix(db, { tenantId: TEST_TENANT, from, to });
      await storeParts(db, TEST_TENANT, newParts);
      for (const part of newParts) storedBefore.add(keyOf(part));
    }
    const rng = prng(seed * 11 + 3);
    const writes: string[] = [];
    for (let step = rng.int(0, 6); step > 0; step--)
      writes.push(await randomWrite(db, TEST_TENANT, rng, `M${seed}-${step}`));
    // And to the snapshots, whose revenue the matrix reads by year and by month.
    for (let step = rng.int(1, 6); step > 0; step--) writes.push(await randomSnapshotWrite(db, TEST_TENANT, rng));
    const oracle = await ref.loadOracle(handle, TEST_TENANT);
    // The parts stored again after the writes (their stored ones were stale).
    const restored = new Set<string>();
    for (const [from, to] of PERIODS) {
      // Its statements side by side, each in a transaction of its own (as the server builds), with
      // the stored parts and without, and one after the other in the caller's transaction.
      const period = { tenantId: TEST_TENANT, from, to };
      const loaded = await loadMatrix(db, period, { heldParts: false });
      // The parts held in memory since the first round (those the writes moved read again).
      const held = await loadMatrix(db, period);
      const fromRollups = await loadMatrix(db, period, { storedParts: false, heldParts: false });
      const inOne = await withWorkMem(db, (trx) => loadMatrix(trx, period));
      const expected = ref.refDominoMatrix(oracle, from, to);
      expect(coefficients(loaded.matrix), `${from}..${to} after ${writes.join('; ')}`).toEqual(expected);
      expect(coefficients(held.matrix), `${from}..${to} with held parts`).toEqual(expected);
      expect(coefficients(fromRollups.matrix), `${from}..${to} from the rollups`).toEqual(expected);
      expect(coefficients(inOne.matrix), `${from}..${to} in one transaction`).toEqual(expected);
      expect([...fromRollups.storedParts, ...fromRollups.heldParts, ...loaded.heldParts]).toEqual([]);
      partsRead += loaded.storedParts.length;
      partsStale += loaded.newParts.filter(
        (part) => storedBefore.has(keyOf(part)) && !restored.has(keyOf(part)),
      ).length;
      partsHeld += held.heldParts.length;
      // A part held at a version a write moved is read again, never used.
      heldStale += held.newParts.filter((part) => storedBefore.has(keyOf(part))).length;
      await storeParts(db, TEST_TENANT, loaded.newParts);
      for (const part of loaded.newParts) restored.add(keyOf(part));
      // Asked again, every part is read stored (or held), and the matrix is the same.
      const again = await loadMatrix(db, period, { heldParts: false });
      const parts = loaded.storedParts.length + loaded.newParts.length;
      expect(again.newParts.map(keyOf), `${from}..${to} again`).toEqual([]);
      expect(again.storedParts.length).toBe(parts);
      expect(coefficients(again.matrix), `${from}..${to} again`).toEqual(expected);
      const againHeld = await loadMatrix(db, period);
      expect([...againHeld.newParts, ...againHeld.storedParts].map(keyOf), `${from}..${to} held`).toEqual([]);
      expect(againHeld.heldParts.length).toBe(parts);
      expect(coefficients(againHeld.matrix), `${from}..${to} held again`).toEqual(expected);
      if (from === '2021-01-01' && to === '2023-12-31') {
        // Whole years as years, but the latest year with data (2023) as its months.
        const parts = [...loaded.storedParts, ...loaded.newParts].map(keyOf).sort();
        expect(parts.filter((part) => part.startsWith('YEAR'))).toEqual(['YEAR 2021-01-01', 'YEAR 2022-01-01']);
        expect(parts.filter((part) => !part.startsWith('YEAR')).every((part) => part.startsWith('MONTH 2023-'))).toBe(
          true,
        );
      }
      // Every party of the matrix is listed once, in ascending order.
      const { matrix } = loaded;
      expect([...matrix.ids].every((id, i) => i === 0 || id > (matrix.ids[i - 1] as number))).toBe(true);
      compared++;
      if (expected.size) nonEmpty++;
    }
  });

  it('compared matrices with coefficients in most periods, stored and held parts read and stale ones left', () => {
    expect(compared).toBe(DATASETS * PERIODS.length);
    expect(nonEmpty).toBeGreaterThan(compared / 2);
    expect(partsRead).toBeGreaterThan(0);
    expect(partsStale).toBeGreaterThan(0);
    expect(partsHeld).toBeGreaterThan(0);
    expect(heldStale).toBeGreaterThan(0);
  });
});
