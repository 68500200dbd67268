import pg from 'pg';

/*
 * Test databases on a PostgreSQL server (the PostgreSQL lane of `pnpm test`, db/src/testing.ts):
 * each test file gets a database of its own, copied from a migrated template database that the
 * first test file to ask builds and every later one copies (CREATE DATABASE … TEMPLATE: under a
 * second, where migrating a new database takes seconds). The template's name carries the hash of
 * the migrations and reference data, so a schema change makes a new one; an old one stays on the
 * server as an unused cache entry (`DROP DATABASE` removes it).
 */

/** PostgreSQL's error for a database another session is still connected to. */
const OBJECT_IN_USE = '55006';

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The advisory lock that lets one test process build a template while the others wait for it. */
function templateLockKey(template: string): number {
  let hash = 0;
  for (const char of template) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) | 0;
  return hash;
}

/** Retries `work` while PostgreSQL says the database is still in use (a closed pool's backends exit just after). */
async function whileInUse(work: () => Promise<unknown>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/**
 * Makes sure the template database `template` exists on the server `url` names, building it with
 * `migrate(urlOfTheNewDatabase)` when it does not. Test processes build it one at a time (a session
 * advisory lock), and a template appears under its name only once complete (built under another
 * name, then renamed), so a copy never starts from a half-migrated one.
 */
export async function ensureTemplateDatabase(
  url: string,
  template: string,
  migrate: (databaseUrl: string) => Promise<void>,
): Promise<void> {
  await withClient(url, async (admin) => {
    await admin.query('SELECT pg_advisory_lock($1)', [templateLockKey(template)]);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount) return;
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building}`);
      const target = new URL(url);
      target.pathname = `/${building}`;
      await migrate(target.toString());
      await whileInUse(() => admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`));
    } finally {
      await admin.query('SELECT pg_advisory_unlock($1)', [templateLockKey(template)]);
    }
  });
}

/** Creates the database `name` on the server `url` names: a copy of `template` when given, else empty. */
export async function createDatabase(url: string, name: string, template?: string): Promise<void> {
  await withClient(url, async (admin) => {
    if (template) await whileInUse(() => admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
    else await admin.query(`CREATE DATABASE ${name}`);
  });
}

/** Drops the database `name`, closing whatever is still connected to it. */
export async function dropDatabase(url: string, name: string): Promise<void> {
  await withClient(url, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
