import { testEngine } from '@jejaring/db/testing';
import { describe, expect, it } from 'vitest';
import { dominoEffect } from '../../src/analytics/domino-effect.sql.ts';
import { spendSummary } from '../../src/analytics/spend-summary.sql.ts';
import { useFixture } from './harness.ts';

describe(`dominoEffect on the worked example of docs/metrics.md (${testEngine})`, () => {
  const fx = useFixture('domino');

  it('has total 200, local UMKM 100, share 0.5', async () => {
    const s = await spendSummary(fx.db, fx.scope({ fiscalYear: 2023 }));
    expect(s).toMatchObject({ total: 200, toLocalUmkm: 100, localUmkmShare: 0.5 });
  });

  it('gives rounds 100, 25, 5, LM3 1.30 and a limit multiplier of 1.30', async () => {
    const d = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 3);
    expect(d.injection).toBe(100);
    expect(d.rounds.map((r) => [r.round, r.parties])).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(d.rounds[0]?.amount).toBe(100);
    expect(d.rounds[1]?.amount).toBeCloseTo(25, 9); // m[U1][U2] = 50 / max(100, 120 + 80, 80) = 0.25
    expect(d.rounds[2]?.amount).toBeCloseTo(5, 9); // m[U2][U3] = 20 / max(50, 100, 20) = 0.2
    expect(d.rounds.map((r) => r.bySector)).toEqual([
      [{ sector: 'C', amount: 100 }],
      [{ sector: 'I', amount: expect.closeTo(25, 9) }],
      [{ sector: 'A', amount: expect.closeTo(5, 9) }],
    ]);
    expect(d.multiplier).toBeCloseTo(1.3, 12);
    expect(d.limitMultiplier).toBeCloseTo(1.3, 12);
    expect(d.converged).toBe(true);
    expect(d.iterations).toBe(4); // round 4 adds 0
  });

  it('lists as many rounds as asked, zeros after the cascade dies out', async () => {
    const d = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 5);
    expect(d.rounds.map((r) => r.amount)).toEqual([100, expect.closeTo(25, 9), expect.closeTo(5, 9), 0, 0]);
    expect(d.rounds[4]).toEqual({ round: 5, amount: 0, parties: 0, bySector: [] });
    expect(d.multiplier).toBeCloseTo(1.3, 12);
    const one = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 1);
    expect(one.rounds).toHaveLength(1);
    expect(one.multiplier).toBe(1);
    expect(one.limitMultiplier).toBeCloseTo(1.3, 12);
  });

  it('has no multiplier when nothing was injected', async () => {
    const d = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2022 }), 3);
    expect(d).toMatchObject({ injection: 0, multiplier: null, limitMultiplier: null, converged: true });
    expect(d.rounds.map((r) => r.amount)).toEqual([0, 0, 0]);
  });

  it('only re-spends within the period: a period without the re-spending stops after round 1', async () => {
    const d = await dominoEffect(fx.db, fx.scope({ from: '2023-03-01', to: '2023-03-31' }), 3);
    expect(d.rounds.map((r) => r.amount)).toEqual([100, 0, 0]);
    expect(d.limitMultiplier).toBe(1);
  });
});

describe(`dominoEffect with cycles in re-spending (${testEngine})`, () => {
  const fx = useFixture('domino-cycle');

  it('follows money around a cycle (B buys from C, C from B) until it converges', async () => {
    // rev[B] = max(received 100 + 100, paid 100) = 200 → m[B][C] = 0.5; rev[C] = 100 → m[C][B] = 1.
    const d = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 4);
    expect(d.rounds.map((r) => r.amount)).toEqual([100, 50, 50, 25]);
    expect(d.multiplier).toBeCloseTo(2.25, 12);
    const three = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 3);
    expect(three.multiplier).toBeCloseTo(2.0, 12);
    expect(three.converged).toBe(true);
    expect(three.limitMultiplier).toBeCloseTo(3.0, 7); // 100 + 2 · (50 + 25 + …) = 300
  });
});

describe(`dominoEffect when the limit does not converge (${testEngine})`, () => {
  const fx = useFixture('domino-divergent');

  it('stops after 1,000 rounds and reports no limit multiplier', async () => {
    const d = await dominoEffect(fx.db, fx.scope({ fiscalYear: 2023 }), 3);
    expect(d.converged).toBe(false);
    expect(d.iterations).toBe(1000);
    expect(d.limitMultiplier).toBeNull();
    expect(d.rounds.map((r) => r.amount)).toEqual([
      100,
      expect.closeTo((100 * 100_000) / 100_100, 9),
      expect.any(Number),
    ]);
    expect(d.multiplier).toBeGreaterThan(2.9);
  });
});
