import { type DatabaseHandle, migrateToLatest, openDatabase, type ReplicaCheck } from '@jejaring/db';
import { createUser } from '@jejaring/db/auth';
import { TEST_TENANT } from '@jejaring/db/testing';
import { loadServerConfig } from '@jejaring/server/config';
import { createLogger } from '@jejaring/server/logger';
import { type Running, startServer } from '@jejaring/server/start';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, seedAccounts, TEST_PASSWORD } from '../support/accounts.ts';
import { globalId, importApiBundle } from '../support/fixtures.ts';
import { loginToken } from '../support/login.ts';
import { loadOracle, refSummary } from '../support/oracle/index.ts';
import { type PrivateCluster, startPrivateCluster } from '../support/private-cluster.ts';
import { waitFor } from '../support/process.ts';
import { LOOPBACK } from '../support/server.ts';

/*
 * A read replica for real (docs/scale-out.md): a private primary and a streaming replica of it
 * (pg_basebackup -R) on loopback, whatever engine the rest of the suite runs on, and the server
 * with DATABASE_URL on the primary and DATABASE_READ_URL on the replica. Where a statement ran is
 * told by the servers themselves: pausing the replica's replay makes its data differ from the
 * primary's, and both log every statement (log_statement=all).
 */

const DB = 'jejaring_replica';
let primary: PrivateCluster;
let replica: PrivateCluster;
let replicaRunning = false;
let running: Running;
let primaryDirect: DatabaseHandle;
let replicaDirect: DatabaseHandle;
const logLines: Array<{ level: number; msg: string }> = [];
let admin: Record<string, string>;
let analyst: Record<string, string>;
let secondAdmin: Record<string, string>;
const ids = new Map<string, number>();

async function sqlOn<T>(cluster: PrivateCluster, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster.url(DB) });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

interface Answer<T> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; extensions: { code: string } }>;
}

async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer<T>, 'status'>) };
}

const readyz = async () => {
  const response = await fetch(`${running.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string; replica?: ReplicaCheck } };
};
const logged = (msg: string) => logLines.filter((line) => line.msg === msg).length;
const UNREACHABLE = 'read replica unreachable: reads go to the primary until it is back';
const BACK = 'read replica back: queries read it again';

/** The replica runs, replays, has replayed everything the primary wrote, and the server reads it. */
async function replicaCaughtUp(): Promise<void> {
  if (!replicaRunning) {
    await replica.start();
    replicaRunning = true;
  }
  await sqlOn(replica, 'SELECT pg_wal_replay_resume()');
  const [{ lsn }] = (await sqlOn(primary, 'SELECT pg_current_wal_insert_lsn()::text AS lsn')) as [{ lsn: string }];
  const replayed = await waitFor(async () => {
    const [row] = await sqlOn<{ ok: boolean }>(replica, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    return row?.ok === true;
  }, 20_000);
  expect(replayed, 'the replica never caught up').not.toBeNull();
  // /readyz asks the replica: an answer ends an outage the server had noticed.
  expect(await waitFor(async () => (await readyz()).body.replica?.status === 'streaming', 10_000)).not.toBeNull();
}

async function pauseReplay(): Promise<void> {
  await sqlOn(replica, 'SELECT pg_wal_replay_pause()');
  const paused = await waitFor(async () => {
    const [row] = await sqlOn<{ state: string }>(replica, 'SELECT pg_get_wal_replay_pause_state() AS state');
    return row?.state === 'paused';
  }, 10_000);
  expect(paused).not.toBeNull();
}

const AGENCY = 'query($code: String!) { agency(code: $code) { name } }';
const agencyName = async (code: string, headers: Record<string, string> = {}) =>
  (await gql<{ agency: { name: string } }>(AGENCY, { code }, headers)).data?.agency.name;
/** Renames an agency straight on the primary, past the API: no account of the server wrote it. */
const renameOnPrimary = (code: string, name: string) =>
  sqlOn(primary, 'UPDATE party SET name = $1 WHERE id = (SELECT party_id FROM agency_profile WHERE code = $2)', [
    name,
    code,
  ]);
const nameOn = async (cluster: PrivateCluster, code: string) =>
  (
    await sqlOn<{ name: string }>(
      cluster,
      'SELECT name FROM party WHERE id = (SELECT party_id FROM agency_profile WHERE code = $1)',
      [code],
    )
  )[0]?.name;

/** A statement the server ran that changes data, as log_statement=all writes it. */
const WRITE_STATEMENT = /(statement|execute [^:]*): \s*(insert|update|delete|merge)\b/i;

beforeAll(async () => {
  primary = await startPrivateCluster({ settings: ['log_statement=all'] });
  await primary.createDatabase(DB);
  const seed = await openDatabase({ engine: 'postgres', url: primary.url(DB) });
  try {
    await migrateToLatest(seed.db, TEST_TENANT);
    await importApiBundle(seed);
    await seedAccounts(seed);
    await createUser(seed.db, TEST_TENANT, {
      username: 'admin.dua',
      role: 'ADMIN',
      agencyCode: null,
      password: TEST_PASSWORD,
    });
  } finally {
    await seed.close();
  }
  replica = await startPrivateCluster({ replicaOf: primary, settings: ['log_statement=all'] });
  replicaRunning = true;
  primaryDirect = await openDatabase({ engine: 'postgres', url: primary.url(DB) });
  replicaDirect = await openDatabase({ engine: 'postgres', url: replica.url(DB) });
  for (const row of await sqlOn<{ ref: string; id: number }>(primary, 'SELECT ref, id FROM party')) {
    ids.set(row.ref, Number(row.id));
  }
  const config = loadServerConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    TENANT: TEST_TENANT,
    DEMO_DATA: 'off',
    LOG_LEVEL: 'info',
    RATE_LIMIT_EXEMPT: LOOPBACK,
    STATISTICS_INTERVAL: '0',
    DOMINO_WARM_INTERVAL: '0', // no background job of its own among the queries the tests count
    DATABASE_URL: primary.url(DB),
    DATABASE_READ_URL: replica.url(DB),
  });
  const logger = createLogger('info', { write: (line: string) => void logLines.push(JSON.parse(line)) });
  running = await startServer(config, logger);
  admin = bearer(await loginToken(running.url, 'admin', TEST_PASSWORD));
  analyst = bearer(await loginToken(running.url, 'analyst', TEST_PASSWORD));
  secondAdmin = bearer(await loginToken(running.url, 'admin.dua', TEST_PASSWORD));
});

afterAll(async () => {
  await running?.stop();
  await primaryDirect?.close();
  await replicaDirect?.close();
  await replica?.destroy();
  await primary?.destroy();
});

describe('a read replica (private primary and streaming replica)', () => {
  it('with replay paused, an enterprise the admin registers is on the primary only; the admin reads it at once, anonymous and another account (replica) only after replay resumes', async () => {
    await replicaCaughtUp();
    await pauseReplay();
    const nib = '9120000077701';
    const primaryLogFrom = primary.log().length;
    const registered = await gql(
      'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }',
      { input: { name: 'Keripik Replika', regionCode: '61.12.01.2002', nib, kbliCode: '10794' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    expect(primary.log().slice(primaryLogFrom)).toMatch(/(statement|execute [^:]*): \s*insert into "party"/i);
    const count = 'SELECT count(*)::int AS n FROM enterprise_profile WHERE nib = $1';
    expect(await sqlOn(primary, count, [nib])).toEqual([{ n: 1 }]);
    expect(await sqlOn(replica, count, [nib])).toEqual([{ n: 0 }]);

    const BY_NIB = 'query($nib: String!) { enterpriseByNib(nib: $nib) { name } }';
    const mine = await gql<{ enterpriseByNib: { name: string } }>(BY_NIB, { nib }, admin);
    expect(mine.data?.enterpriseByNib.name).toBe('Keripik Replika');
    const replicaLogFrom = replica.log().length;
    const anonymous = await gql(BY_NIB, { nib });
    const other = await gql(BY_NIB, { nib }, analyst);
    const replicaLog = replica.log().slice(replicaLogFrom);
    expect(anonymous.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    expect(other.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
    // The replica ran those two lookups (their NIB is in its statement log) and no write at all.
    expect(replicaLog.split(`'${nib}'`).length - 1).toBeGreaterThanOrEqual(2);
    expect(replicaLog).not.toMatch(WRITE_STATEMENT);

    await sqlOn(replica, 'SELECT pg_wal_replay_resume()');
    const seen = await waitFor(async () => !(await gql(BY_NIB, { nib })).errors, 10_000);
    expect(seen, 'anonymous never saw the enterprise after replay resumed').not.toBeNull();
  });

  it("analytics read the replica: with replay paused, the admin's new Rp 7,000,000 purchase is in its own spendSummary and not in an anonymous one (each equal to the oracle over its server)", async () => {
    await replicaCaughtUp();
    await pauseReplay();
    const recorded = await gql(
      'mutation($input: TransactionInput!) { recordTransaction(input: $input) { transaction { id } } }',
      {
        input: {
          buyerId: globalId('Agency', ids.get('AG-DINKES') as number),
          sellerId: globalId('Enterprise', ids.get('EN-012') as number),
          amount: 7_000_000,
          occurredOn: '2026-07-15',
          category: 'FOOD_STAPLES',
          sourceRef: 'SP2D-REPLICA-1',
        },
      },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    const filter = { from: '2026-07-01', to: '2026-07-31' };
    const SUMMARY =
      'query($filter: SpendFilter) { spendSummary(filter: $filter) { total toLocalUmkm sellersReached } }';
    const mine = await gql<{ spendSummary: Record<string, number> }>(SUMMARY, { filter }, admin);
    const anonymous = await gql<{ spendSummary: Record<string, number> }>(SUMMARY, { filter });
    const onPrimary = refSummary(await loadOracle(primaryDirect), filter);
    const onReplica = refSummary(await loadOracle(replicaDirect), filter);
    expect(onPrimary.total - onReplica.total).toBe(7_000_000);
    const pick = (s: { total: number; toLocalUmkm: number; sellersReached: number }) => ({
      total: s.total,
      toLocalUmkm: s.toLocalUmkm,
      sellersReached: s.sellersReached,
    });
    expect(mine.data?.spendSummary).toEqual(pick(onPrimary));
    expect(anonymous.data?.spendSummary).toEqual(pick(onReplica));
  });

  it('once the replica has replayed its write, the writer reads the replica again (a rename straight on the primary, not replayed, stays unseen)', async () => {
    await replicaCaughtUp();
    const registered = await gql(
      'mutation($input: EnterpriseInput!) { registerEnterprise(input: $input) { enterprise { id } } }',
      { input: { name: 'Keripik Replika Dua', regionCode: '61.12.01.2002', nib: '9120000077702' } },
      admin,
    );
    expect(registered.errors).toBeUndefined();
    await replicaCaughtUp();
    await pauseReplay();
    const code = '5.01.0.00.0.00.01.0000'; // Bappeda
    await renameOnPrimary(code, 'Bappeda (diganti di primer)');
    expect(await nameOn(primary, code)).toBe('Bappeda (diganti di primer)');
    expect(await agencyName(code, admin)).toBe(await nameOn(replica, code));
    expect(await nameOn(replica, code)).toBe('Badan Perencanaan Pembangunan Daerah');
  });

  it('an upload counts as a write: with replay paused, the uploader reads its new import job at once, another admin (replica) does not', async () => {
    await replicaCaughtUp();
    await pauseReplay();
    const response = await fetch(`${running.url}/imports?name=parties.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...admin },
      body: 'ref,kind,name\n',
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const JOB = 'query($id: ID!) { importJob(id: $id) { id status } }';
    expect((await gql(JOB, { id }, admin)).data).toEqual({ importJob: { id, status: 'UPLOADED' } });
    expect((await gql(JOB, { id }, secondAdmin)).data).toEqual({ importJob: null });
  });

  it('a query showing an owner name reads the replica, and its personal-data audit row is written on the primary', async () => {
    await replicaCaughtUp();
    const [{ nib }] = (await sqlOn(
      primary,
      "SELECT e.nib FROM enterprise_profile e JOIN party p ON p.id = e.party_id WHERE p.ref = 'EN-001'",
    )) as [{ nib: string }];
    await pauseReplay();
    await sqlOn(primary, "UPDATE party SET name = 'Usaha Diganti di Primer' WHERE ref = 'EN-001'");
    const replicaLogFrom = replica.log().length;
    const answer = await gql<{ enterpriseByNib: { name: string; ownerName: string } }>(
      'query($nib: String!) { enterpriseByNib(nib: $nib) { name ownerName } }',
      { nib },
      { ...analyst, 'x-request-id': 'replica-audit-1' },
    );
    expect(answer.errors).toBeUndefined();
    // The replica's name (the rename on the primary is not replayed), and the owner's name unmasked.
    const [{ name }] = (await sqlOn(replica, "SELECT name FROM party WHERE ref = 'EN-001'")) as [{ name: string }];
    expect(name).not.toBe('Usaha Diganti di Primer');
    expect(answer.data?.enterpriseByNib).toEqual({ name, ownerName: 'Bapak Rudi bin Fixture 1' });
    const audit = "SELECT action, user_id IS NOT NULL AS by_user FROM audit_event WHERE request_id = 'replica-audit-1'";
    expect(await sqlOn(primary, audit)).toEqual([{ action: 'READ_PERSONAL_DATA', by_user: true }]);
    expect(replica.log().slice(replicaLogFrom)).not.toMatch(WRITE_STATEMENT);
  });

  it('with the replica stopped the API keeps answering from the primary, the outage is logged once and /readyz stays 200; when it is back, queries read it again', async () => {
    await replicaCaughtUp();
    const up = await readyz();
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ready', replica: { status: 'streaming' } });
    expect(up.body.replica?.replayLsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(typeof up.body.replica?.lagBytes).toBe('number');
    const [downs, backs] = [logged(UNREACHABLE), logged(BACK)];

    await replica.stop('fast');
    replicaRunning = false;
    const code = '1.01.0.00.0.00.01.0000'; // Disdikbud
    await renameOnPrimary(code, 'Disdikbud (saat replika mati)'); // the stopped replica cannot have it
    for (const headers of [{}, {}, {}, analyst, admin]) {
      expect(await agencyName(code, headers)).toBe('Disdikbud (saat replika mati)');
    }
    expect(logged(UNREACHABLE) - downs).toBe(1);
    const down = await readyz();
    expect(down.status).toBe(200);
    expect(down.body).toMatchObject({ status: 'ready', replica: { status: 'unreachable' } });

    await replicaCaughtUp();
    await waitFor(() => logged(BACK) > backs, 5_000);
    expect(logged(BACK) - backs).toBe(1);
    await pauseReplay();
    await renameOnPrimary(code, 'Disdikbud (setelah replika kembali)');
    expect(await agencyName(code)).toBe('Disdikbud (saat replika mati)');
  });

  it('a replica that dies under running queries (one alone, one inside an analytic transaction): both are answered from the primary, correctly', async () => {
    await replicaCaughtUp();
    const downs = logged(UNREACHABLE);
    // The result cache (analytics_result) stays unlocked: its lookup is a statement of its own before
    // the analytic transaction, and it misses here (this filter is asked nowhere else and a replica
    // stores nothing), so the analytic transaction is what waits on the locked rollups.
    const tables = await sqlOn<{ name: string }>(
      primary,
      `SELECT quote_ident(tablename) AS name FROM pg_tables
       WHERE schemaname = 'public' AND (tablename = 'tenant' OR (tablename LIKE 'analytics\\_%'
         AND tablename NOT IN ('analytics_state', 'analytics_result')))`,
    );
    // Locks taken on the primary are replayed on the replica: its readers of these tables wait.
    const blocker = new pg.Client({ connectionString: primary.url(DB) });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query(`LOCK TABLE ${tables.map((t) => t.name).join(', ')} IN ACCESS EXCLUSIVE MODE`);
      // Sends the lock records to the replica now, and waits until it holds the locks.
      const switched = await blocker.query('SELECT pg_switch_wal()::text AS lsn');
      const locked = await waitFor(async () => {
        const [row] = await sqlOn<{ ok: boolean }>(replica, 'SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [
          switched.rows[0].lsn,
        ]);
        return row?.ok === true;
      }, 10_000);
      expect(locked, 'the replica never replayed the locks').not.toBeNull();
      const filter = { from: '2023-01-01', to: '2023-12-31' };
      const about = gql<{ about: { tenantId: string } }>('{ about { tenantId } }');
      const summary = gql<{ spendSummary: { total: number; toLocalUmkm: number } }>(
        'query($filter: SpendFilter) { spendSummary(filter: $filter) { total toLocalUmkm } }',
        { filter },
      );
      const WAITING = `SELECT pid, xact_start < query_start AS in_transaction FROM pg_stat_activity
        WHERE datname = $1 AND backend_type = 'client backend' AND wait_event_type = 'Lock' AND pid <> $2`;
      let onReplica: Array<{ in_transaction: boolean }> = [];
      const held = await waitFor(async () => {
        onReplica = await sqlOn(replica, WAITING, [DB, 0]);
        return onReplica.length === 2;
      }, 10_000);
      expect(held, 'the two queries never waited on the replica').not.toBeNull();
      expect(onReplica.map((r) => r.in_transaction).sort()).toEqual([false, true]);

      await replica.stop('immediate');
      replicaRunning = false;
      const [{ pid }] = (await blocker.query('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
      let onPrimary: Array<{ in_transaction: boolean }> = [];
      const moved = await waitFor(async () => {
        onPrimary = await sqlOn(primary, WAITING, [DB, pid]);
        return onPrimary.length === 2;
      }, 10_000);
      expect(moved, 'the two queries never reached the primary').not.toBeNull();
      // The analytic statement runs in a transaction there too: its BEGIN and settings were replayed first.
      expect(onPrimary.map((r) => r.in_transaction).sort()).toEqual([false, true]);
      await blocker.query('COMMIT');

      const [aboutAnswer, summaryAnswer] = await Promise.all([about, summary]);
      expect(aboutAnswer).toMatchObject({ status: 200, data: { about: { tenantId: TEST_TENANT } } });
      const expected = refSummary(await loadOracle(primaryDirect), filter);
      expect(summaryAnswer).toMatchObject({
        status: 200,
        data: { spendSummary: { total: expected.total, toLocalUmkm: expected.toLocalUmkm } },
      });
      expect(summaryAnswer.errors).toBeUndefined();
      expect(logged(UNREACHABLE) - downs).toBe(1);
    } finally {
      await blocker.end();
    }
  });
});
