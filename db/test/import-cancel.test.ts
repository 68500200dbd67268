import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cancelRunningImportJobs,
  findImportJob,
  insertImportJob,
  runImportJob,
  runningJob,
} from '../import/jobs/index.ts';
import type { DatabaseHandle } from '../src/connection.ts';
import { createTestDatabase, TEST_TENANT } from '../src/testing.ts';

const ROWS = 10_000;
const HEADER = 'ref,kind,name,region_code,status,verification';

/** A parties.csv of ROWS enterprises (refs CX-00001…). */
function partiesCsv(): string {
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const n = String(i).padStart(5, '0');
    lines.push(`CX-${n},ENTERPRISE,Usaha Batal ${n},61.12,ACTIVE,DRAFT`);
  }
  return `${lines.join('\n')}\n`;
}

// Stopping the server cancels the import jobs it runs (docs/operations.md, "Stopping").
describe('cancelling running import jobs', () => {
  let handle: DatabaseHandle;
  let dir: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-cancel-'));
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const countStored = async () =>
    Number(
      (
        await handle.db
          .selectFrom('party')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ref', 'like', 'CX-%')
          .executeTakeFirstOrThrow()
      ).n,
    );

  async function checkedJob(): Promise<number> {
    const file = path.join(dir, `parties-${Date.now()}.csv`);
    fs.writeFileSync(file, partiesCsv());
    const job = await insertImportJob(handle.db, TEST_TENANT, {
      fileName: 'parties.csv',
      format: 'csv',
      sizeBytes: fs.statSync(file).size,
      filePath: file,
      createdBy: null,
      agencyId: null,
    });
    await runImportJob(handle.db, TEST_TENANT, job.id, 'check');
    expect((await findImportJob(handle.db, TEST_TENANT, job.id))?.status).toBe('CHECKED');
    return job.id;
  }

  it('rolls back a commit cancelled half-way through its rows and marks it CANCELLED; it then commits again', async () => {
    const id = await checkedJob();
    // Cancelled once part of the rows are stored inside the import's transaction (the import
    // holds the event loop between its statements, so this is observed from its progress).
    let seen = 0;
    let cancelling: ReturnType<typeof cancelRunningImportJobs> | undefined;
    await runImportJob(handle.db, TEST_TENANT, id, 'commit', {
      onProgress: (progress) => {
        if (!cancelling && progress.stage === 'parties.csv' && progress.done > 0) {
          seen = progress.done;
          expect(runningJob(TEST_TENANT, id)?.job.status).toBe('COMMITTING');
          cancelling = cancelRunningImportJobs(10_000);
        }
      },
    });
    expect(seen).toBeGreaterThan(0);
    expect(seen).toBeLessThan(ROWS);
    expect(await cancelling).toEqual({ cancelled: 1, unfinished: 0 });
    const job = await findImportJob(handle.db, TEST_TENANT, id);
    expect(job).toMatchObject({
      status: 'CANCELLED',
      error_code: 'CANCELLED',
      error_reason: {
        id: 'server dihentikan saat pekerjaan ini berjalan; tidak ada yang disimpan: mulai lagi',
        en: 'the server was stopped while this job ran; nothing of it was stored: start it again',
      },
      error_message:
        'server dihentikan saat pekerjaan ini berjalan; tidak ada yang disimpan: mulai lagi / ' +
        'the server was stopped while this job ran; nothing of it was stored: start it again',
    });
    expect(await countStored()).toBe(0);

    // A cancelled job is checked and committed again like a new one.
    await runImportJob(handle.db, TEST_TENANT, id, 'check');
    await runImportJob(handle.db, TEST_TENANT, id, 'commit');
    expect((await findImportJob(handle.db, TEST_TENANT, id))?.status).toBe('COMMITTED');
    expect(await countStored()).toBe(ROWS);
  });

  it('with nothing running, cancels nothing and returns at once', async () => {
    const started = performance.now();
    expect(await cancelRunningImportJobs(10_000)).toEqual({ cancelled: 0, unfinished: 0 });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
