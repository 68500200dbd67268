/**
 * Measures the CSV bundle import on a generated bundle: a fresh database (PGlite in a temporary
 * directory, as the server runs it, or a new database on DATABASE_URL's server), N transactions
 * between agencies, units and enterprises, imported, then imported again (all unchanged), dry-run,
 * then exported. Prints wall and CPU time (on a busy machine CPU time is the fairer measure).
 *
 *   npx tsx db/import/bench.ts [transactions=100000] [--memory]   (--memory: in-memory PGlite)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx db/import/bench.ts 100000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { type DatabaseHandle, openDatabase } from '../src/connection.ts';
import { migrateToLatest } from '../src/migrate.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';
import { exportCsvBundle } from './csv-export.ts';
import { type BundleFile, importCsvBundle } from './csv-import.ts';

function generateBundle(transactions: number): BundleFile[] {
  const agencies = 35;
  const units = 350;
  const enterprises = Math.max(500, Math.round(transactions / 50));
  const parties = ['ref,kind,name,region_code,parent_ref,unit_type,agency_code,nib,kbli_code,capital'];
  for (let a = 0; a < agencies; a++) parties.push(`AG-${a},AGENCY,"Dinas ${a}, Kubu Raya",61.12,,,1.${a}.0.00,,,`);
  for (let u = 0; u < units; u++)
    parties.push(`NU-${u},NETWORK_UNIT,Unit ${u},61.12.0${1 + (u % 9)},AG-${u % agencies},SCHOOL,,,,`);
  for (let e = 0; e < enterprises; e++) {
    parties.push(
      `EN-${e},ENTERPRISE,Usaha ${e},61.12.0${1 + (e % 9)},,,,${String(9100000000000 + e)},46311,${(e % 50) * 100_000_000}`,
    );
  }
  const buyers = agencies + units;
  const rows = ['ref,buyer_ref,seller_ref,category,account_code,funding_source,amount,quantity,occurred_on'];
  for (let t = 0; t < transactions; t++) {
    const b = t % buyers;
    const buyer = b < agencies ? `AG-${b}` : `NU-${b - agencies}`;
    const month = String(1 + (t % 12)).padStart(2, '0');
    const day = String(1 + (t % 28)).padStart(2, '0');
    rows.push(
      `TX-${t},${buyer},EN-${(t * 7919) % enterprises},FOOD_STAPLES,5.1.02.01.01.0024,APBD,${100_000 + (t % 1000) * 1000},${1 + (t % 20)},2024-${month}-${day}`,
    );
  }
  return [
    { name: 'parties.csv', content: `${parties.join('\n')}\n` },
    { name: 'transactions.csv', content: `${rows.join('\n')}\n` },
  ];
}

/**
 * CPU seconds used so far by this process and by local PostgreSQL backends serving `database`:
 * on a busy machine wall time says little, CPU time says what the import costs.
 */
function cpuSeconds(database: string | null): { node: number; postgres: number } {
  const usage = process.cpuUsage();
  let postgres = 0;
  if (database && fs.existsSync('/proc/self/stat')) {
    for (const pid of fs.readdirSync('/proc').filter((p) => /^[0-9]+$/.test(p))) {
      try {
        if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
        const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        postgres += (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks
      } catch {
        // the process ended meanwhile
      }
    }
  }
  return { node: (usage.user + usage.system) / 1e6, postgres };
}

async function main(): Promise<void> {
  const n = Number(process.argv.slice(2).find((a) => /^[0-9]+$/.test(a)) ?? 100_000);
  const files = generateBundle(n);
  // In-memory PGlite grows its files by copying them (Emscripten MEMFS): slower than on disk.
  const onDisk = testEngine === 'pglite' && !process.argv.includes('--memory');
  const dir = onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-bench-')) : null;
  let handle: DatabaseHandle;
  if (dir) {
    handle = await openDatabase({ engine: 'pglite', dir: path.join(dir, 'pglite') });
    await migrateToLatest(handle.db, TEST_TENANT);
  } else {
    handle = await createTestDatabase();
  }
  try {
    const database =
      testEngine === 'postgres'
        ? ((await sql<{ db: string }>`SELECT current_database() AS db`.execute(handle.db)).rows[0]?.db ?? null)
        : null;
    const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      const cpu = cpuSeconds(database);
      const result = await run();
      const after = cpuSeconds(database);
      const used = `CPU: node ${(after.node - cpu.node).toFixed(2)} s${database ? `, postgres ${(after.postgres - cpu.postgres).toFixed(2)} s` : ''}`;
      console.log(`${label}: ${((performance.now() - started) / 1000).toFixed(2)} s wall (${used})`);
      return result;
    };
    console.log(
      `engine ${testEngine}${dir ? ' (on disk)' : testEngine === 'pglite' ? ' (in memory)' : ''}, ${n.toLocaleString('en')} transactions`,
    );
    const load = () =>
      os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ');
    console.log(`load average before: ${load()} (${os.cpus().length} cores)`);
    const started = performance.now();
    const first = await time('import', () => importCsvBundle(handle.db, TEST_TENANT, files));
    const seconds = (performance.now() - started) / 1000;
    console.log(first.files.map((f) => `  ${f.file}: ${f.inserted} inserted, ${f.rejected} rejected`).join('\n'));
    const rows = first.files.reduce((sum, f) => sum + f.inserted, 0);
    console.log(
      `RESULT ${testEngine}: ${Math.round(rows / seconds).toLocaleString('en')} rows/s (${rows.toLocaleString('en')} rows, ${n.toLocaleString('en')} transactions in ${seconds.toFixed(1)} s), load average after: ${load()}`,
    );
    const again = await time('re-import (all unchanged)', () => importCsvBundle(handle.db, TEST_TENANT, files));
    console.log(again.files.map((f) => `  ${f.file}: ${f.unchanged} unchanged`).join('\n'));
    await time('dry run', () => importCsvBundle(handle.db, TEST_TENANT, files, { dryRun: true }));
    await time('export', () => exportCsvBundle(handle.db, TEST_TENANT));
  } finally {
    await handle.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
