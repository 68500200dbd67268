/**
 * The large-file import benchmark: writes a bundle whose transactions.csv is about `--bytes` long
 * (default 500MB; `--note N` adds an unknown description column of N characters per row, so the
 * same bytes hold fewer rows) to a temporary folder, then imports that folder through importFromPath (the engine
 * the CLI and the upload jobs use): a dry run, then the commit, into a fresh database. Prints rows/s,
 * wall time and the peak resident memory of this process (sampled every 100 ms, and the kernel's
 * VmHWM) with the load average, and writes bench-results/import-bytes-<engine>.json.
 *
 *   npx tsx db/import/bench-bytes.ts --bytes 500MB                    (PGlite on disk)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx db/import/bench-bytes.ts --bytes 500MB
 */
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DatabaseHandle, openDatabase } from '../src/connection.ts';
import { migrateToLatest } from '../src/migrate.ts';
import { createTestDatabase, TEST_TENANT, testEngine } from '../src/testing.ts';
import { importFromPath } from './sources/index.ts';

function parseBytes(text: string): number {
  const m = /^([0-9.]+)\s*(B|KB|MB|GB)?$/i.exec(text.trim());
  if (!m) throw new Error(`--bytes: give a size such as 500MB, not ${text}`);
  const unit = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 }[(m[2] ?? 'B').toUpperCase() as 'B'];
  return Math.round(Number(m[1]) * unit);
}

const AGENCIES = 35;
const UNITS = 350;
const ENTERPRISES = 20_000;

/** Writes parties.csv and a transactions.csv of about `bytes`; returns the transactions written. */
async function writeBundle(dir: string, bytes: number, note: number): Promise<number> {
  const parties = ['ref,kind,name,region_code,parent_ref,unit_type,agency_code,nib,kbli_code,capital'];
  for (let a = 0; a < AGENCIES; a++) parties.push(`AG-${a},AGENCY,"Dinas ${a}, Kubu Raya",61.12,,,1.${a}.0.00,,,`);
  for (let u = 0; u < UNITS; u++)
    parties.push(`NU-${u},NETWORK_UNIT,Unit ${u},61.12.0${1 + (u % 9)},AG-${u % AGENCIES},SCHOOL,,,,`);
  for (let e = 0; e < ENTERPRISES; e++)
    parties.push(`EN-${e},ENTERPRISE,Usaha ${e},61.12.0${1 + (e % 9)},,,,${9100000000000 + e},46311,${(e % 50) * 1e8}`);
  fs.writeFileSync(path.join(dir, 'parties.csv'), `${parties.join('\n')}\n`);

  const out = fs.createWriteStream(path.join(dir, 'transactions.csv'));
  let written = 0;
  let t = 0;
  // --note N: a description column of N characters, as exports from other systems carry; the
  // bundle does not know it (one warning) but every byte of it is still read and parsed.
  const header = `ref,buyer_ref,seller_ref,category,account_code,funding_source,amount,quantity,occurred_on${note ? ',keterangan' : ''}\n`;
  const words = 'Belanja bahan makanan pokok untuk kegiatan pelayanan masyarakat desa, ';
  const noteText = note ? `,"${words.repeat(Math.ceil(note / words.length)).slice(0, note)}"` : '';
  out.write(header);
  written += header.length;
  const buyers = AGENCIES + UNITS;
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 10_000 && written < bytes; i++, t++) {
      const b = t % buyers;
      const buyer = b < AGENCIES ? `AG-${b}` : `NU-${b - AGENCIES}`;
      const month = String(1 + (t % 12)).padStart(2, '0');
      const day = String(1 + (t % 28)).padStart(2, '0');
      const line = `TX-${t},${buyer},EN-${(t * 7919) % ENTERPRISES},FOOD_STAPLES,5.1.02.01.01.0024,APBD,${100_000 + (t % 1000) * 1000},${1 + (t % 20)},${2020 + (t % 5)}-${month}-${day}${noteText}\n`;
      lines.push(line);
      written += line.length;
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return t;
}

/** Peak resident memory: sampled here, and the kernel's high-water mark (Linux). */
function memoryWatch(): { stop: () => { sampledMb: number; vmHwmMb: number | null } } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      const status = fs.existsSync('/proc/self/status') ? fs.readFileSync('/proc/self/status', 'utf8') : '';
      const hwm = /VmHWM:\s+([0-9]+) kB/.exec(status);
      return { sampledMb: Math.round(peak / 1024 / 1024), vmHwmMb: hwm ? Math.round(Number(hwm[1]) / 1024) : null };
    },
  };
}

const load = () => os.loadavg().map((l) => Number(l.toFixed(2)));

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--bytes');
  const bytes = parseBytes(at >= 0 ? (args[at + 1] ?? '') : '500MB');
  const noteAt = args.indexOf('--note');
  const note = noteAt >= 0 ? Number(args[noteAt + 1] ?? 0) : 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-bench-bytes-'));
  let handle: DatabaseHandle | null = null;
  try {
    const bundle = path.join(dir, 'bundle');
    fs.mkdirSync(bundle);
    const generated = performance.now();
    const transactions = await writeBundle(bundle, bytes, note);
    const size = fs.statSync(path.join(bundle, 'transactions.csv')).size;
    console.log(
      `generated transactions.csv: ${(size / 1024 / 1024).toFixed(0)} MB, ${transactions.toLocaleString('en')} rows, in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    );
    if (testEngine === 'pglite') {
      handle = await openDatabase({ engine: 'pglite', dir: path.join(dir, 'pglite') });
      await migrateToLatest(handle.db, TEST_TENANT);
    } else {
      handle = await createTestDatabase();
    }
    const db = handle.db;
    const loadBefore = load();
    console.log(`engine ${testEngine}, load average before: ${loadBefore.join(' ')} (${os.cpus().length} cores)`);
    const watch = memoryWatch();
    const runs: Record<string, { seconds: number; rowsPerSecond: number; stored: number; rejected: number }> = {};
    for (const step of ['dry run', 'commit'] as const) {
      const started = performance.now();
      let lastLog = 0;
      const report = await importFromPath(db, TEST_TENANT, bundle, bundle, {
        dryRun: step === 'dry run',
        onProgress: (stage, done, total) => {
          if (performance.now() - lastLog < 30_000) return;
          lastLog = performance.now();
          const rss = Math.round(process.memoryUsage().rss / 1024 / 1024);
          console.log(
            `  ${step}: ${stage} ${done.toLocaleString('en')} / ~${total.toLocaleString('en')} (rss ${rss} MB)`,
          );
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const rows = report.files.reduce((n, f) => n + f.rows, 0);
      const stored = report.files.reduce((n, f) => n + f.inserted + f.updated + f.unchanged, 0);
      runs[step] = {
        seconds: Number(seconds.toFixed(1)),
        rowsPerSecond: Math.round(rows / seconds),
        stored,
        rejected: report.rejectedTotal,
      };
      console.log(
        `${step}: ${rows.toLocaleString('en')} rows in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s, ${report.rejectedTotal} rejected, load ${load().join(' ')}`,
      );
    }
    const memory = watch.stop();
    const result = {
      engine: testEngine,
      transactionsBytes: size,
      transactions,
      noteChars: note,
      runs,
      peakRssMb: memory.sampledMb,
      vmHwmMb: memory.vmHwmMb,
      loadAverageBefore: loadBefore,
      loadAverageAfter: load(),
      cores: os.cpus().length,
      node: process.version,
      at: new Date().toISOString(),
    };
    console.log(
      `RESULT ${testEngine}: ${(size / 1024 / 1024).toFixed(0)} MB, commit ${runs.commit?.rowsPerSecond.toLocaleString('en')} rows/s, peak RSS ${memory.sampledMb} MB (VmHWM ${memory.vmHwmMb} MB), load ${result.loadAverageAfter.join(' ')}`,
    );
    const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../bench-results');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, `import-bytes-${testEngine}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
