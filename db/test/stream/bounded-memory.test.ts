import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../src/testing.ts';

/**
 * The bound on memory: a transactions.csv larger than the whole JavaScript heap the importing
 * process may use imports completely. Holding the file (or its records) in memory would need more
 * than the heap holds, and the process would die of "heap out of memory"; streaming it batch by
 * batch needs a few megabytes besides the database driver.
 */
const HEAP_MB = 64;
const ROWS = 40_000;
const NOTE = 'x'.repeat(2_600); // an unknown column: read and parsed, then ignored

describe(`an import larger than the heap, on ${testEngine}`, () => {
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-bounded-'));
    fs.writeFileSync(
      path.join(dir, 'parties.csv'),
      'ref,kind,name,region_code,agency_code,nib,kbli_code\nAG-1,AGENCY,Dinas Satu,61.12,1.1.0.00,,\nEN-1,ENTERPRISE,Usaha Satu,61.12,,9100000000001,46311\n',
    );
    const fd = fs.openSync(path.join(dir, 'transactions.csv'), 'w');
    fs.writeSync(fd, 'ref,buyer_ref,seller_ref,category,amount,occurred_on,keterangan\n');
    for (let start = 0; start < ROWS; start += 1_000) {
      let lines = '';
      for (let i = start; i < start + 1_000; i++)
        lines += `TX-${i},AG-1,EN-1,FOOD_STAPLES,${1_000 + i},2024-01-15,"${NOTE}"\n`;
      fs.writeSync(fd, lines);
    }
    fs.closeSync(fd);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`imports a 100 MB transactions.csv with every row stored, in a process whose heap is capped at ${HEAP_MB} MB`, () => {
    const size = fs.statSync(path.join(dir, 'transactions.csv')).size;
    expect(size).toBeGreaterThan(100 * 1024 * 1024); // 40,000 rows of ~2,660 bytes
    const child = fileURLToPath(new URL('./bounded-import.child.ts', import.meta.url));
    const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, '--import', 'tsx', child, dir], {
      encoding: 'utf8',
      env: process.env,
      timeout: 240_000,
    });
    expect(run.status, run.stderr.slice(-2_000)).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
      committed: boolean;
      files: Array<{ file: string; rows: number; inserted: number; rejected: number }>;
      rejectedTotal: number;
    };
    expect(result.committed).toBe(true);
    expect(result.rejectedTotal).toBe(0);
    expect(result.files.map((f) => [f.file, f.rows, f.inserted, f.rejected])).toEqual([
      ['parties.csv', 2, 2, 0],
      ['transactions.csv', ROWS, ROWS, 0],
    ]);
    // What this test bounds is memory, not time: on a busy 2-core machine (load average 11) the
    // child took over a minute, so the test waits as long as the child may run.
  }, 250_000);
});
