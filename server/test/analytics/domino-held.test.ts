import type { Database } from '@jejaring/db';
import { testEngine } from '@jejaring/db/testing';
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { dominoMatrix, dominoStoresSettled, type MatrixSource } from '../../src/analytics/domino-effect.sql.ts';
import { heldPartsOf, holdParts, stopHoldingParts } from '../../src/analytics/domino-held.ts';
import { loadMatrix } from '../../src/analytics/domino-matrix.sql.ts';
import type { DominoMatrix } from '../../src/analytics/domino-matrix.ts';
import type { PartKey } from '../../src/analytics/domino-parts.sql.ts';
import { useFixture } from './harness.ts';

/*
 * The parts of the domino matrices a process holds parsed (server/src/analytics/domino-held.ts),
 * on the worked example (purchases in March, April and May 2023). A process that answered a
 * period from the store holds the period's parts afterwards, and after a write it reads again only
 * the parts the write moved; the matrix it then builds is the one built from the tables alone.
 * Each "process" here is a Kysely instance of its own (fx.db.withoutPlugins()): memory is kept per
 * instance, the store is shared.
 */

const keys = (parts: readonly PartKey[]) => parts.map((part) => `${part.span} ${part.start}`).sort();

describe(`the domino matrices' parts held in memory (${testEngine})`, () => {
  const fx = useFixture('domino');
  const months = { from: '2023-03-01', to: '2023-05-31' };
  const year = { from: '2023-01-01', to: '2023-12-31' };

  /** Where `db`'s matrix of `period` came from, after its background work settled. */
  async function sourceOf(db: Kysely<Database>, period: { from: string; to: string }): Promise<MatrixSource[]> {
    const sources: MatrixSource[] = [];
    await dominoMatrix(db, { tenantId: fx.tenantId, ...period }, { matrix: (event) => sources.push(event.source) });
    await dominoStoresSettled();
    return sources;
  }

  it('holds the parts and sectors of a period answered from the store, and after a write reads only the parts it moved', async () => {
    // One process builds and stores both periods' matrices and parts.
    expect(await sourceOf(fx.db, months)).toEqual(['built']);
    expect(await sourceOf(fx.db, year)).toEqual(['built']);
    // Another reads them from the store, and then holds their parts: 2023 is the tenant's latest
    // year, so both periods read its months with data, March to May.
    const other = fx.db.withoutPlugins();
    expect(await sourceOf(other, months)).toEqual(['store']);
    expect(await sourceOf(other, year)).toEqual(['store']);
    expect(heldPartsOf(other).entries).toBe(3);
    const before = await loadMatrix(other, { tenantId: fx.tenantId, ...year });
    expect(keys(before.heldParts)).toEqual(['MONTH 2023-03-01', 'MONTH 2023-04-01', 'MONTH 2023-05-01']);
    expect([...before.storedParts, ...before.newParts]).toEqual([]);
    expect(before.heldSectors).toBe(true); // held with the parts

    // U1 pays U2 another 10 in April: April's part is moved, March's and May's not.
    await fx.purchase('U1', 'U2', 10, '2023-04-15', 'domino-held-write');
    for (const period of [months, year]) {
      const after = await loadMatrix(other, { tenantId: fx.tenantId, ...period });
      const fromTables = await loadMatrix(
        other,
        { tenantId: fx.tenantId, ...period },
        {
          storedParts: false,
          heldParts: false,
        },
      );
      expect(after.matrix).toEqual(fromTables.matrix);
      // The first period read April again (and held it); the second found it held.
      expect(keys(after.heldParts)).toEqual(
        period === months
          ? ['MONTH 2023-03-01', 'MONTH 2023-05-01']
          : ['MONTH 2023-03-01', 'MONTH 2023-04-01', 'MONTH 2023-05-01'],
      );
      expect(keys(after.newParts)).toEqual(period === months ? ['MONTH 2023-04-01'] : []);
      expect(after.storedParts).toEqual([]);
    }
    // m[U1][U2] = (50 + 10) / rev[U1], rev[U1] = max(received 100, snapshots 200, paid 90) = 200.
    const matrix = (await loadMatrix(other, { tenantId: fx.tenantId, ...months })).matrix;
    const u1 = [...matrix.ids].indexOf(fx.id('U1'));
    const u2 = [...matrix.ids].indexOf(fx.id('U2'));
    const row = [...matrix.cols.subarray(matrix.rowStart[u1], matrix.rowStart[u1 + 1])];
    expect(matrix.coef[(matrix.rowStart[u1] as number) + row.indexOf(u2)]).toBeCloseTo(60 / 200, 12);
  });

  it("holds the parties' sectors while the classes stand still, and reads them again once one changes", async () => {
    const db = fx.db.withoutPlugins();
    const period = { tenantId: fx.tenantId, ...months };
    /** The sector the matrix gives party `ref`. */
    const sectorOf = (matrix: DominoMatrix, ref: string) =>
      matrix.sectorNames[matrix.sectors[[...matrix.ids].indexOf(fx.id(ref))] as number];
    expect((await loadMatrix(db, period)).heldSectors).toBe(false); // the first read
    const again = await loadMatrix(db, period);
    expect(again.heldSectors).toBe(true);
    expect(sectorOf(again.matrix, 'U3')).toBe('A'); // KBLI 01120: agriculture
    // A purchase between classified parties leaves the classes: the sectors stay held.
    await fx.purchase('U2', 'U3', 5, '2023-05-02', 'domino-held-sectors');
    expect((await loadMatrix(db, period)).heldSectors).toBe(true);
    // U3 now makes food (KBLI 10710, section C): its class changes, so the sectors are read again.
    await fx.db
      .updateTable('enterprise_profile')
      .set({ kbli_code: '10710' })
      .where('tenant_id', '=', fx.tenantId)
      .where('party_id', '=', fx.id('U3'))
      .execute();
    const changed = await loadMatrix(db, period);
    expect(changed.heldSectors).toBe(false);
    expect(sectorOf(changed.matrix, 'U3')).toBe('C');
    const fromTables = await loadMatrix(db, period, { storedParts: false, heldParts: false });
    expect(changed.matrix).toEqual(fromTables.matrix);
    expect((await loadMatrix(db, period)).heldSectors).toBe(true);
  });

  it('holds nothing more once stopped (at shutdown)', async () => {
    // The matrix stored at the current version (the write above made the stored one stale).
    await sourceOf(fx.db, months);
    const stopped = fx.db.withoutPlugins();
    stopHoldingParts(stopped);
    expect(await sourceOf(stopped, months)).toEqual(['store']);
    expect(heldPartsOf(stopped).entries).toBe(0);
  });

  it("ends a period's holding between two parts once stopped", async () => {
    const db = fx.db.withoutPlugins();
    let asked = 0;
    // Stopped after the first of the three months.
    await holdParts(db, { tenantId: fx.tenantId, ...months }, () => asked++ > 0);
    expect(heldPartsOf(db).entries).toBe(1);
    await holdParts(db, { tenantId: fx.tenantId, ...months });
    expect(heldPartsOf(db).entries).toBe(3);
  });
});
