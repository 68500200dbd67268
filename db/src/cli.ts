import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadDemo } from '../demo/load.ts';
import { exportCsvBundle } from '../import/csv-export.ts';
import { BundleError, formatImportReport } from '../import/csv-import.ts';
import { ImportSourceError, importFromPath } from '../import/sources/index.ts';
import { writeExport } from '../import/sources/write.ts';
import { CitusError, distributeSchema, scheduleRollupJobs } from './citus.queries.ts';
import { prepareUserCommand, runUserCommand, USER_HELP, UserCommandError } from './cli-user.ts';
import { ConfigError, loadDbConfig } from './config.ts';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './connection.ts';
import { TENANT_TABLES } from './database.ts';
import { ROLLUP_MODES, type RollupMode } from './enums.ts';
import { DirectoryLockedError } from './lock.ts';
import { MigrationError, migrateToLatest, withStartupLock } from './migrate.ts';
import {
  applyPendingRollups,
  pendingRollupChanges,
  rebuildRollups,
  rollupMode,
  setRollupMode,
} from './rollups.queries.ts';

const HELP = `Jejaring data command line

Usage: pnpm cli <command> [options]

Commands:
  migrate                 apply the migrations, load reference data, create the tenant (idempotent)
  demo [--seed N] [--scale K]
                          load the synthetic demo dataset into an empty tenant (default seed 1, scale 1)
  import PATH [--dry-run] [--all-or-nothing]
                          import a CSV bundle: a folder of parties.csv, programs.csv, …, a .zip of
                          them, an .xlsx workbook with a sheet per file, one .csv file, or an
                          OCDS .json (release package, record package or one release), or LKPP
                          ISB JSON datasets (a folder of them, or one)
  export PATH [--include-personal-data]
                          write the tenant's data as a CSV bundle: a folder, or PATH.zip, or
                          PATH.xlsx (readable by their owner only); owners' names and NIKs only
                          with --include-personal-data (an administrator's decision; audited)
  reset [--yes]           delete every row of the tenant (reference data stays)
  stats                   row counts per table for the tenant
  rollups apply [--batch N]
                          apply the changes recorded for the analytics rollups (SCHEDULED mode;
                          batches of N purchase changes, default 50000); prints how many
  rollups mode [TRIGGER|SCHEDULED]
                          show the rollups' mode and what waits, or switch it (docs/scale-out.md)
  rollups rebuild         recompute the tenant's rollups from its parties and purchases
  citus distribute [--shard-count N]
                          on a Citus coordinator: distribute the tenant tables by tenant_id
                          (co-located), make the others reference tables, switch the rollups to
                          SCHEDULED mode and schedule their apply per tenant with pg_cron when it
                          is installed in this database (idempotent; docs/scale-out.md)
${USER_HELP}
Environment:
  DATABASE_URL  PostgreSQL URL (postgres://user@host:5432/db); absent: embedded PGlite
  PGLITE_DIR    PGlite data directory (default ./.data/pglite)
  TENANT        regency code the command acts on (default 61.12)
`;

class UsageError extends Error {}

function intOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return n;
}

function progressPrinter(): (stage: string, done: number, total: number) => void {
  const tty = process.stderr.isTTY;
  let last = '';
  return (stage, done, total) => {
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    const line = `${stage}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${pct} %)`;
    if (tty) process.stderr.write(`\r${line.padEnd(last.length)}${done >= total ? '\n' : ''}`);
    else if (done >= total || line.split(' (')[0] !== last.split(' (')[0]) process.stderr.write(`${line}\n`);
    last = line;
  };
}

async function tableCounts(handle: DatabaseHandle, tenant: string): Promise<Array<[string, number]>> {
  const counts: Array<[string, number]> = [];
  for (const table of TENANT_TABLES) {
    const row = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(handle.db);
    counts.push([table, row.rows[0]?.n ?? 0]);
  }
  return counts;
}

function checkRollupsArgs(rest: string[]): void {
  const [sub, mode, ...extra] = rest;
  const ok =
    extra.length === 0 &&
    ((sub === 'apply' && mode === undefined) ||
      (sub === 'rebuild' && mode === undefined) ||
      (sub === 'mode' && (mode === undefined || (ROLLUP_MODES as readonly string[]).includes(mode))));
  if (!ok)
    throw new UsageError(
      'Usage: pnpm cli rollups apply [--batch N] | rollups mode [TRIGGER|SCHEDULED] | rollups rebuild',
    );
}

async function runRollupsCommand(handle: DatabaseHandle, tenant: string, rest: string[], batch: number): Promise<void> {
  const [sub, mode] = rest;
  if (sub === 'apply') {
    const started = performance.now();
    const applied = await applyPendingRollups(handle.db, batch);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Applied ${applied.toLocaleString('en')} recorded change(s) to the rollups in ${seconds} s.`);
  } else if (sub === 'rebuild') {
    await rebuildRollups(handle.db, tenant);
    console.log(`Rebuilt the rollups of tenant ${tenant}.`);
  } else if (mode) {
    const applied = await setRollupMode(handle.db, mode as RollupMode);
    console.log(
      `Rollups are now kept in ${mode} mode${applied ? ` (${applied.toLocaleString('en')} recorded change(s) applied first)` : ''}.`,
    );
  } else {
    const pending = await pendingRollupChanges(handle.db);
    console.log(
      `Rollups are kept in ${await rollupMode(handle.db)} mode; waiting for the scheduler: ${pending.transactions.toLocaleString('en')} purchase change(s), ${pending.parties.toLocaleString('en')} ${pending.parties === 1 ? 'party' : 'parties'} to reclassify.`,
    );
  }
}

async function runCitusCommand(handle: DatabaseHandle, shardCount: number | undefined): Promise<void> {
  const report = await distributeSchema(handle.db, { shardCount });
  console.log(
    `Distributed by tenant_id, co-located with ${report.distributed[0]}: ${report.distributed.join(', ')}.\n` +
      `Reference tables: ${report.reference.join(', ')}.\n` +
      (report.converted.length ? `Converted now: ${report.converted.length} table(s).` : 'Every table already was.') +
      ` Functions propagated to the workers now: ${report.functions}.`,
  );
  const applied = await setRollupMode(handle.db, 'SCHEDULED');
  console.log(`Rollups are kept in SCHEDULED mode${applied ? ` (${applied} recorded change(s) applied)` : ''}.`);
  const jobs = await scheduleRollupJobs(handle.db);
  console.log(
    jobs
      ? `pg_cron applies each tenant's recorded changes every minute: ${jobs.join(', ')}.`
      : 'pg_cron is not installed in this database: schedule `SELECT analytics_apply_pending_tenant(<tenant>)` ' +
          'yourself, or let Jejaring apply them (ROLLUP_INTERVAL).',
  );
}

async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      seed: { type: 'string' },
      scale: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'all-or-nothing': { type: 'boolean' },
      yes: { type: 'boolean' },
      username: { type: 'string' },
      role: { type: 'string' },
      agency: { type: 'string' },
      'display-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'include-personal-data': { type: 'boolean' },
      batch: { type: 'string' },
      'shard-count': { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return;
  }
  const known = ['migrate', 'demo', 'import', 'export', 'reset', 'stats', 'user', 'rollups', 'citus'];
  if (!known.includes(command)) throw new UsageError(`Unknown command "${command}". Run pnpm cli --help.`);
  if ((command === 'import' || command === 'export') && rest.length !== 1) {
    throw new UsageError(`${command} needs one path: pnpm cli ${command} PATH`);
  }
  if (command === 'rollups') checkRollupsArgs(rest);
  if (command === 'citus' && (rest.length !== 1 || rest[0] !== 'distribute')) {
    throw new UsageError('Usage: pnpm cli citus distribute [--shard-count N]');
  }

  const config = loadDbConfig();
  // Checked (and a new account's password read) before the database is opened.
  const userCommand = command === 'user' ? await prepareUserCommand(rest, values) : null;
  const handle = await openDatabase(config.target);
  try {
    const applied = await withStartupLock(
      handle,
      () => migrateToLatest(handle.db, config.tenant),
      () => console.error('Another instance is migrating this database: waiting for it.'),
    );
    if (applied.length) console.error(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    const { tenant } = config;
    switch (command) {
      case 'migrate':
        console.log(`Database ${handle.location} is up to date for tenant ${tenant}.`);
        break;
      case 'demo': {
        const seed = intOption(values.seed, 'seed', 1, 0);
        const scale = intOption(values.scale, 'scale', 1, 1);
        const started = performance.now();
        const result = await loadDemo(handle.db, tenant, { seed, scale, onProgress: progressPrinter() });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(
          `Loaded the demo dataset (seed ${seed}, scale ${scale}) in ${seconds} s: ${result.transactions.toLocaleString('en')} transactions.`,
        );
        break;
      }
      case 'import': {
        const report = await importFromPath(handle.db, tenant, rest[0] as string, rest[0] as string, {
          dryRun: values['dry-run'] ?? false,
          allOrNothing: values['all-or-nothing'] ?? false,
          onProgress: progressPrinter(),
        });
        console.log(formatImportReport(report));
        if (report.rejected.length > 0) process.exitCode = 2;
        break;
      }
      case 'export': {
        const personalData = values['include-personal-data'] ?? false;
        const files = await exportCsvBundle(handle.db, tenant, { personalData });
        const format = await writeExport(rest[0] as string, files);
        if (personalData) {
          await handle.db
            .insertInto('audit_event')
            .values({
              tenant_id: tenant,
              action: 'EXPORT_PERSONAL_DATA',
              entity: 'tenant',
              entity_id: tenant,
              details: JSON.stringify({
                via: 'cli',
                path: path.resolve(rest[0] as string),
                user: os.userInfo().username,
              }),
            })
            .execute();
        }
        console.log(
          (format === 'folder'
            ? `Wrote ${files.length} files to ${rest[0]}`
            : `Wrote ${rest[0]} (${files.length} sheets or files)`) +
            (personalData ? ', WITH personal data (owner names, NIK): keep them safe.' : ', without personal data.'),
        );
        break;
      }
      case 'reset': {
        if (!values.yes) throw new UsageError(`reset deletes every row of tenant ${tenant}; run it again with --yes`);
        await handle.db.transaction().execute(async (trx) => {
          for (const table of [...TENANT_TABLES].reverse()) {
            await sql`DELETE FROM ${sql.table(table)} WHERE tenant_id = ${tenant}`.execute(trx);
          }
          await trx.updateTable('tenant').set({ demo_seed: null, demo_scale: null }).where('id', '=', tenant).execute();
        });
        console.log(`Deleted every row of tenant ${tenant}.`);
        break;
      }
      case 'user':
        if (userCommand) await runUserCommand(handle.db, tenant, userCommand);
        break;
      case 'rollups':
        await runRollupsCommand(handle, tenant, rest, intOption(values.batch, 'batch', 50_000, 1));
        break;
      case 'citus':
        await runCitusCommand(
          handle,
          values['shard-count'] === undefined ? undefined : intOption(values['shard-count'], 'shard-count', 32, 1),
        );
        break;
      case 'stats': {
        const counts = await tableCounts(handle, tenant);
        const width = Math.max(...counts.map(([t]) => t.length));
        for (const [table, n] of counts) console.log(`${table.padEnd(width)}  ${n.toLocaleString('en').padStart(12)}`);
        break;
      }
    }
  } finally {
    await handle.close();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const expected = [
    UsageError,
    UserCommandError,
    ConfigError,
    DatabaseUnavailableError,
    DirectoryLockedError,
    MigrationError,
    BundleError,
    CitusError,
  ];
  if (
    expected.some((type) => error instanceof type) ||
    (error as NodeJS.ErrnoException)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
  ) {
    const code = error instanceof ImportSourceError || error instanceof CitusError ? ` [${error.code}]` : '';
    console.error(`error${code}: ${(error as Error).message}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
});
