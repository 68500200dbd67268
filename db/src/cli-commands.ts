import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { loadDemo } from '../demo/load.ts';
import { exportCsvBundle } from '../import/csv-export.ts';
import { BundleError, formatImportReport } from '../import/csv-import.ts';
import { ImportSourceError, importFromPath } from '../import/sources/index.ts';
import { writeExport } from '../import/sources/write.ts';
import { CitusError, distributeSchema, scheduleRollupJobs } from './citus.queries.ts';
import { runUserCommand, type UserCommand } from './cli-user.ts';
import type { DbConfig } from './config.ts';
import { type DatabaseHandle, DatabaseUnavailableError, openDatabase } from './connection.ts';
import { TENANT_TABLES } from './database.ts';
import type { RollupMode } from './enums.ts';
import { DirectoryLockedError } from './lock.ts';
import { MigrationError, migrateToLatest, withStartupLock } from './migrate.ts';
import {
  applyPendingRollups,
  pendingRollupChanges,
  rebuildRollups,
  rollupMode,
  setRollupMode,
} from './rollups.queries.ts';

/*
 * The commands of `pnpm cli` once cli.ts has checked their arguments: they open the database,
 * migrate it and act. cli.ts loads this module only then, so a mistyped command fails at once,
 * without loading the database engines, the importers and the demo generator first.
 */

/** The command line's options, checked, with their defaults (cli.ts). */
export interface CommandOptions {
  readonly seed: number;
  readonly scale: number;
  readonly dryRun: boolean;
  readonly allOrNothing: boolean;
  readonly personalData: boolean;
  readonly batch: number;
  readonly shardCount: number | undefined;
}

/** The message of an error a command reports as such (with its code where it has one), or null for a stack. */
export function reportedMessage(error: unknown): string | null {
  const reported = [DatabaseUnavailableError, DirectoryLockedError, MigrationError, BundleError, CitusError];
  if (!reported.some((type) => error instanceof type)) return null;
  const code = error instanceof ImportSourceError || error instanceof CitusError ? ` [${error.code}]` : '';
  return `error${code}: ${(error as Error).message}`;
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

/** Opens the database, migrates it (under the start-up lock) and runs `command`. */
export async function runCommand(
  config: DbConfig,
  command: string,
  rest: string[],
  options: CommandOptions,
  userCommand: UserCommand | null,
): Promise<void> {
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
        const { seed, scale } = options;
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
          dryRun: options.dryRun,
          allOrNothing: options.allOrNothing,
          onProgress: progressPrinter(),
        });
        console.log(formatImportReport(report));
        if (report.rejected.length > 0) process.exitCode = 2;
        break;
      }
      case 'export': {
        const { personalData } = options;
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
        await runRollupsCommand(handle, tenant, rest, options.batch);
        break;
      case 'citus':
        await runCitusCommand(handle, options.shardCount);
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
