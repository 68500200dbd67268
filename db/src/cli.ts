import { parseArgs } from 'node:util';
import type { CommandOptions } from './cli-commands.ts';
import { prepareUserCommand, USER_HELP, UserCommandError } from './cli-user.ts';
import { ConfigError, loadDbConfig } from './config.ts';
import { ROLLUP_MODES } from './enums.ts';

/*
 * `pnpm cli`: the arguments are checked here; the commands (cli-commands.ts, with the database
 * engines, the importers and the demo generator) are loaded only once they pass.
 */

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
                          is installed in this database (idempotent; docs/scale-out-citus.md)
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

/** The commands, once loaded: the handler at the end reports their errors. */
let commands: typeof import('./cli-commands.ts') | undefined;

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

  const options: CommandOptions = {
    seed: command === 'demo' ? intOption(values.seed, 'seed', 1, 0) : 1,
    scale: command === 'demo' ? intOption(values.scale, 'scale', 1, 1) : 1,
    dryRun: values['dry-run'] ?? false,
    allOrNothing: values['all-or-nothing'] ?? false,
    personalData: values['include-personal-data'] ?? false,
    batch: command === 'rollups' ? intOption(values.batch, 'batch', 50_000, 1) : 50_000,
    shardCount:
      command === 'citus' && values['shard-count'] !== undefined
        ? intOption(values['shard-count'], 'shard-count', 32, 1)
        : undefined,
  };

  const config = loadDbConfig();
  if (command === 'reset' && !values.yes) {
    throw new UsageError(`reset deletes every row of tenant ${config.tenant}; run it again with --yes`);
  }
  // Checked (and a new account's password read) before the database is opened.
  const userCommand = command === 'user' ? await prepareUserCommand(rest, values) : null;
  commands = await import('./cli-commands.ts');
  await commands.runCommand(config, command, rest, options, userCommand);
}

run(process.argv.slice(2)).catch((error: unknown) => {
  const usage =
    [UsageError, UserCommandError, ConfigError].some((type) => error instanceof type) ||
    (error as NodeJS.ErrnoException)?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  const message = usage ? `error: ${(error as Error).message}` : commands?.reportedMessage(error);
  if (message) console.error(message);
  else console.error(error);
  process.exitCode = 1;
});
