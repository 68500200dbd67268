import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@jejaring/db';
import { checkPgliteIndexes } from '@jejaring/db/testing';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnServer } from '../support/process.ts';
import { adminHeaders, preparePgliteDir, TENANT } from './pglite-dir.ts';
import { percentile, post, reportFigures, round, sleep, succeeded } from './support.ts';

const REGISTER = 'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id name } } }';
const ROUNDS = 5;
const WRITERS = 3;

// kill -9 of the server (as `pnpm start` runs it, on a PGlite directory) while it confirms
// writes: every confirmed write must be there after the restart, and the directory must open
// without anyone repairing it (docs/operations.md, "What a confirmed write survives").
describe('kill -9 during a stream of confirmed writes (PGlite)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-kill-'));
  const dir = path.join(root, 'pglite');
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it(`keeps every confirmed write through ${ROUNDS} kills, and restarts each time without repair`, async () => {
    await preparePgliteDir(dir);
    const confirmed: string[] = [];
    const rounds: Array<Record<string, number>> = [];
    const latencies: number[] = [];
    for (let round_ = 1; round_ <= ROUNDS; round_++) {
      const started = performance.now();
      const server = spawnServer({ PGLITE_DIR: dir, LOG_LEVEL: 'warn' });
      const url = await server.url;
      const startSeconds = (performance.now() - started) / 1000;
      const headers = await adminHeaders(url);
      let stop = false;
      let sent = 0;
      let confirmedThisRound = 0;
      const writer = async (w: number) => {
        for (let i = 0; !stop; i++) {
          const name = `Usaha Uji Mati ${round_}-${w}-${i}`;
          sent++;
          const outcome = await post(
            `${url}/graphql`,
            JSON.stringify({ query: REGISTER, variables: { input: { name } } }),
            headers,
          );
          if (succeeded(outcome)) {
            confirmed.push(name);
            confirmedThisRound++;
            latencies.push(outcome.ms);
          } else if (outcome.kind === 'answer') {
            throw new Error(`a write was refused before the kill: ${outcome.body}`);
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
      // Kill at a different moment each round, once some writes are confirmed.
      while (confirmedThisRound < 5) await sleep(20);
      await sleep(200 + round_ * 170);
      server.child.kill('SIGKILL');
      expect(await server.exit).toBeNull(); // killed by the signal, not exited
      stop = true;
      await Promise.all(writers);
      rounds.push({ round: round_, startSeconds: round(startSeconds, 1), sent, confirmed: confirmedThisRound });
    }

    // A last start must come up by itself (PostgreSQL replays its WAL; nobody deletes anything),
    // then stop cleanly; the directory is then read here.
    const last = spawnServer({ PGLITE_DIR: dir, LOG_LEVEL: 'warn' });
    await last.url;
    last.child.kill('SIGTERM');
    expect(await last.exit).toBe(0);

    const handle = await openDatabase({ engine: 'pglite', dir });
    try {
      const stored = await handle.db
        .selectFrom('party')
        .select('name')
        .where('tenant_id', '=', TENANT)
        .where('name', 'like', 'Usaha Uji Mati %')
        .execute();
      const names = new Set(stored.map((row) => row.name));
      const lost = confirmed.filter((name) => !names.has(name));
      // Each stored enterprise came with its audit event in the same transaction: none half-stored.
      const audits = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM audit_event
        WHERE tenant_id = ${TENANT} AND action = 'enterprise.register'`.execute(handle.db);
      reportFigures('kill-9-writes', {
        rounds,
        confirmedWrites: confirmed.length,
        storedWrites: names.size,
        lostConfirmedWrites: lost.length,
        writeP50ms: round(percentile(latencies, 50)),
        writeP99ms: round(percentile(latencies, 99)),
      });
      expect(lost).toEqual([]);
      expect(audits.rows[0]?.n).toBe(names.size);
      expect(confirmed.length).toBeGreaterThanOrEqual(ROUNDS * 5);
    } finally {
      await handle.close();
    }
    // Every B-tree index agrees with its table (amcheck): nothing torn.
    expect(await checkPgliteIndexes(dir)).toBeGreaterThan(20);
  });
});
