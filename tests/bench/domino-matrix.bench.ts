/**
 * The building of domino matrices (`pnpm bench:domino-matrix`): what a dominoEffect request pays
 * when its period's matrix is neither in memory nor stored at the tenant's version (after any
 * write). Times loadMatrix (server/src/analytics/domino-matrix.sql.ts) directly, without the
 * server, for a few periods, several times each, and prints per period the wall time, this
 * process's CPU time and the CPU time of every PostgreSQL process on the machine meanwhile (read
 * from /proc, so the database must run on this machine, quiet: the build's statements run on
 * several connections, their parallel workers counted), with the load average. Also prints a
 * digest of each matrix (its rows with sorted columns), so runs of two commits can be checked to
 * build the same matrices. Reads only (point it at any database), unless --parts stored.
 *
 * Options: --url URL (default jejaring_scale100), --periods JSON ([[from, to], …], null for an
 * open end; default the whole recorded period, two multi-year ranges and a fiscal year), --reps N (3),
 * --parts none|stored|held (none, the default: every whole year and month read from the rollups, as
 * when nothing is stored; stored: read from their stored parts where those are current, the parts
 * read from the rollups stored first, so that every rep reads them; held: as after a write into the
 * latest month, in a process that built matrices before it — the parts stored and held in memory
 * first, then before every build the latest month's and its year's versions moved, as a purchase
 * into that month moves them, so that those two parts are read from the rollups and the others are
 * held; this writes the versions, not the data).
 */
import { createHash } from 'node:crypto';
import os from 'node:os';
import { openDatabase } from '@jejaring/db';
import type { DominoMatrix } from '@jejaring/server/analytics/domino-matrix';
import { loadMatrix } from '@jejaring/server/analytics/domino-matrix.sql';
import { storeParts } from '@jejaring/server/analytics/domino-parts.sql';
import { sql } from 'kysely';
import { postgresCpuSince, postgresCpuSnapshot } from './api/process.ts';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const URL_ = option('url') ?? 'postgres://postgres@127.0.0.1:5432/jejaring_scale100';
const PERIODS = JSON.parse(
  option('periods') ??
    '[[null,null],["2020-04-01","2025-09-30"],["2019-02-15","2025-11-20"],["2025-01-01","2025-12-31"]]',
) as Array<[string | null, string | null]>;
const REPS = Number(option('reps') ?? 3);
const TENANT = process.env.TENANT ?? '61.12';
const PARTS = option('parts') ?? 'none';
if (!['none', 'stored', 'held'].includes(PARTS)) throw new Error('--parts is none, stored or held');
const MODES = {
  none: 'from the rollups',
  stored: 'from stored parts',
  held: 'held in memory but the latest month and its year (moved before each build)',
};

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

/** The matrix's rows, columns sorted, as one digest: equal for equal matrices built in any order. */
function digest(m: DominoMatrix): string {
  const hash = createHash('sha256');
  for (let i = 0; i < m.ids.length; i++) {
    const row: string[] = [];
    for (let p = m.rowStart[i] as number; p < (m.rowStart[i + 1] as number); p++) {
      row.push(`${m.ids[m.cols[p] as number]}:${m.coef[p]}`);
    }
    hash.update(`${m.ids[i]}/${m.sectorNames[m.sectors[i] as number]}|${row.sort().join(',')}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

async function main(): Promise<void> {
  const handle = await openDatabase({ engine: 'postgres', url: URL_ }, { poolSize: 4 });
  const times = new Map<string, Array<{ wall: number; node: number; pg: number }>>();
  const digests = new Map<string, string>();
  try {
    if (PARTS !== 'none') {
      for (const [from, to] of PERIODS) {
        const { newParts } = await loadMatrix(handle.db, { tenantId: TENANT, from, to });
        await storeParts(handle.db, TENANT, newParts);
      }
    }
    // The latest month with pairs, and its year: the parts a purchase into it moves.
    const latest = await sql<{ month: string }>`
      SELECT to_char(max(month), 'YYYY-MM-DD') AS month FROM analytics_pair_month WHERE tenant_id = ${TENANT}`.execute(
      handle.db,
    );
    const month = latest.rows[0]?.month ?? '2025-01-01';
    const moveLatest = () =>
      sql`SELECT analytics_part_touch(${TENANT}, 'MONTH', ARRAY[${month}::date]),
        analytics_part_touch(${TENANT}, 'YEAR', ARRAY[date_trunc('year', ${month}::date)::date])`.execute(handle.db);
    for (let rep = 0; rep < REPS; rep++) {
      for (const [from, to] of PERIODS) {
        const key = `${from ?? ''}..${to ?? ''}`;
        if (PARTS === 'held') await moveLatest();
        const pg = postgresCpuSnapshot();
        const node = process.cpuUsage();
        const started = performance.now();
        const { matrix } = await loadMatrix(
          handle.db,
          { tenantId: TENANT, from, to },
          {
            storedParts: PARTS !== 'none',
            heldParts: PARTS === 'held',
          },
        );
        const spent = process.cpuUsage(node);
        const run = {
          wall: performance.now() - started,
          node: (spent.user + spent.system) / 1000,
          pg: postgresCpuSince(pg),
        };
        times.set(key, [...(times.get(key) ?? []), run]);
        digests.set(key, `${digest(matrix)} (${matrix.ids.length} parties, ${matrix.cols.length} coefficients)`);
        process.stderr.write(`\r  ${rep + 1}/${REPS} ${key}          `);
      }
    }
  } finally {
    await handle.close();
  }
  process.stderr.write('\r');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
  console.log(
    `\nDomino matrices built — ${URL_}, whole years and months ${MODES[PARTS as keyof typeof MODES]}, ${REPS} runs per period, load average ${load()}`,
  );
  console.log('period                    wall p50   wall max   Node CPU p50   PostgreSQL CPU p50   matrix');
  for (const [key, runs] of times) {
    const cells = [
      median(runs.map((r) => r.wall)),
      Math.max(...runs.map((r) => r.wall)),
      median(runs.map((r) => r.node)),
      median(runs.map((r) => r.pg)),
    ].map((ms) => `${ms.toFixed(0)} ms`);
    console.log(
      `${key.padEnd(24)}${cells[0]?.padStart(10)} ${cells[1]?.padStart(10)} ${cells[2]?.padStart(14)} ${cells[3]?.padStart(20)}   ${digests.get(key)}`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
