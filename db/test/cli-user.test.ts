import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { type DatabaseHandle, openDatabase } from '../src/connection.ts';
import { createTestDatabase, createTestPgliteDir, TEST_TENANT, testEngine } from '../src/testing.ts';
import { runCli } from './cli-process.ts';

/*
 * `pnpm cli user …` as a process: the password comes from standard input (never argv), the account
 * is stored with a scrypt hash that verifies, and bad input exits 1 naming the field, before the
 * database is opened.
 */

let dir = '';
let pg: DatabaseHandle | undefined;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  if (testEngine === 'postgres') {
    pg = await createTestDatabase();
    env = { ...process.env, DATABASE_URL: pg.location, TENANT: TEST_TENANT };
  } else {
    // Migrated before any test, so no test's output carries the migrations whichever runs first.
    dir = await createTestPgliteDir(fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-cli-user-')));
    const { DATABASE_URL: _, ...rest } = process.env;
    env = { ...rest, PGLITE_DIR: dir, TENANT: TEST_TENANT };
  }
});
afterAll(async () => {
  await pg?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const cli = (args: string[], stdin = '', runEnv: NodeJS.ProcessEnv = env) => runCli(args, stdin, runEnv);

async function storedHash(username: string): Promise<string | undefined> {
  const handle = pg ?? (await openDatabase({ engine: 'pglite', dir }));
  try {
    const row = await handle.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('username', '=', username)
      .executeTakeFirst();
    return row?.password_hash;
  } finally {
    if (!pg) await handle.close();
  }
}

describe(`pnpm cli user on ${testEngine}`, () => {
  it('creates an account with the password read from standard input, stored as a scrypt hash that verifies', async () => {
    const run = await cli(
      ['user', 'create', '--username', 'sari.admin', '--role', 'ADMIN', '--password-stdin'],
      'kata-sandi-rahasia-1\n',
    );
    expect(run.stderr).not.toContain('kata-sandi-rahasia-1');
    expect(run.stdout).toContain('Created sari.admin (ADMIN).');
    expect(run.code).toBe(0);
    const hash = (await storedHash('sari.admin')) as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(await verifyPassword('kata-sandi-rahasia-1', hash)).toBe(true);
    expect(await verifyPassword('kata-sandi-rahasia-2', hash)).toBe(false);
  });

  it('refuses a short password, an OPERATOR without agency and an unknown role, naming what is wrong', async () => {
    const short = await cli(
      ['user', 'create', '--username', 'x.one', '--role', 'ANALYST', '--password-stdin'],
      'pendek\n',
    );
    expect([short.code, short.stderr.trim()]).toEqual([1, 'error: password: a password needs at least 10 characters']);
    const operator = await cli(
      ['user', 'create', '--username', 'x.two', '--role', 'OPERATOR', '--password-stdin'],
      'cukup-panjang-1\n',
    );
    expect([operator.code, operator.stderr.trim()]).toEqual([
      1,
      'error: agency: an OPERATOR needs the code of the agency it works for',
    ]);
    const role = await cli(
      ['user', 'create', '--username', 'x.three', '--role', 'VIEWER', '--password-stdin'],
      'cukup-panjang-1\n',
    );
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('--role, one of ADMIN, OPERATOR, POLICYMAKER, DPRD, ANALYST');
    expect(await storedHash('x.one')).toBeUndefined();
  });

  it('refuses a bad account before it opens the database: with none reachable, the error is about the account', async () => {
    // Nothing listens on port 1: opening the database would fail with "Cannot connect".
    const unreachable = { ...env, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' };
    const short = await cli(
      ['user', 'create', '--username', 'x.four', '--role', 'ANALYST', '--password-stdin'],
      'pendek\n',
      unreachable,
    );
    expect([short.code, short.stderr.trim()]).toEqual([1, 'error: password: a password needs at least 10 characters']);
    const agency = await cli(
      ['user', 'create', '--username', 'x.five', '--role', 'DPRD', '--agency', 'BAPPEDA', '--password-stdin'],
      'cukup-panjang-1\n',
      unreachable,
    );
    expect([agency.code, agency.stderr.trim()]).toEqual([1, 'error: agency: only an OPERATOR belongs to an agency']);
  });

  it('lists accounts and disables one', async () => {
    // An account of this test's own (the list may also hold those other tests created).
    const created = await cli(
      ['user', 'create', '--username', 'tono.analis', '--role', 'ANALYST', '--password-stdin'],
      'kata-sandi-rahasia-3\n',
    );
    expect(created.code).toBe(0);
    expect((await cli(['user', 'disable', 'tono.analis'])).stdout).toContain('Disabled tono.analis.');
    const list = await cli(['user', 'list']);
    const lines = list.stdout.trim().split('\n');
    expect(lines.filter((line) => line.startsWith('tono.analis '))).toEqual([
      expect.stringMatching(/^tono\.analis\s+ANALYST\s+disabled$/),
    ]);
    expect((await cli(['user', 'disable', 'nobody'])).stderr.trim()).toBe('error: no account is named nobody');
  });
});
