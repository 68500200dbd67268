import { describe, expect, it } from 'vitest';
import { runCli } from './cli-process.ts';

/*
 * `pnpm cli` checks a command's arguments before it opens the database: with none reachable, a
 * mistyped command is told what is wrong with it, not that the database cannot be reached.
 */

// Nothing listens on port 1: opening the database would fail with "Cannot connect".
const unreachable = { ...process.env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none', TENANT: '61.12' };

describe('pnpm cli', () => {
  it("checks each command's arguments before it opens the database", async () => {
    const cases: Array<[string[], string]> = [
      [['demo', '--scale', '0'], 'error: --scale must be a whole number ≥ 1, got "0"'],
      [['rollups', 'apply', '--batch', 'many'], 'error: --batch must be a whole number ≥ 1, got "many"'],
      [['reset'], 'error: reset deletes every row of tenant 61.12; run it again with --yes'],
      [['import'], 'error: import needs one path: pnpm cli import PATH'],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args, '', unreachable);
      expect([args.join(' '), run.code, run.stderr.trim()]).toEqual([args.join(' '), 1, message]);
    }
  });
});
