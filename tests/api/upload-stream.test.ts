import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { createUser } from '@jejaring/db/auth';
import { TEST_TENANT } from '@jejaring/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, TEST_PASSWORD } from '../support/accounts.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * The upload streams to disk: a body sent without Content-Length (chunked) is cut at the limit
 * with a JSON 413, and a client that hangs up mid-upload leaves neither a file nor a job.
 */
describe('POST /imports streams the body to disk', () => {
  let server: TestServer;
  let tmp: string;
  let uploads: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jejaring-upload-stream-'));
    uploads = path.join(tmp, 'uploads');
    server = await startTestServer({
      env: { IMPORT_DIR: uploads, MAX_UPLOAD_MB: '1' },
      seed: (handle) =>
        createUser(handle.db, TEST_TENANT, {
          username: 'admin',
          role: 'ADMIN',
          agencyCode: null,
          password: TEST_PASSWORD,
        }).then(() => undefined),
    });
    admin = bearer(await signIn(server, 'admin'));
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const jobCount = async () =>
    Number(
      (
        await server.database.db
          .selectFrom('import_job')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );
  const files = async () => fs.readdir(uploads).catch(() => [] as string[]);

  /** A chunked POST (no Content-Length), so only the server's byte count can stop it. */
  function chunked(name: string): http.ClientRequest {
    const url = new URL(`${server.url}/imports?name=${name}`);
    return http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked', ...admin },
    });
  }

  /** Resolves when the request can take more, or is closed. */
  const drained = (request: http.ClientRequest) =>
    new Promise<void>((resolve) => {
      const done = () => {
        request.off('drain', done).off('close', done);
        resolve();
      };
      request.on('drain', done).on('close', done);
    });

  it('answers a JSON 413 PAYLOAD_TOO_LARGE once a chunked body passes MAX_UPLOAD_MB, keeping no file or job', async () => {
    const jobsBefore = await jobCount();
    const request = chunked('transactions.csv');
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      request.on('error', reject);
    });
    // 1 MB + 64 KiB in 64 KiB chunks, each written only when the socket takes it.
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (let sent = 0; sent <= 1024 * 1024 && !request.destroyed; sent += chunk.length) {
      if (!request.write(chunk)) await drained(request);
    }
    request.end();
    const { status, body } = await answer;
    expect(status).toBe(413);
    const json = JSON.parse(body) as { errors: Array<{ extensions: { code: string } }> };
    expect(json.errors[0]?.extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await files()).toEqual([]);
    expect(await jobCount()).toBe(jobsBefore);
  });

  it('removes the partial file and creates no job when the client disconnects mid-upload', async () => {
    const jobsBefore = await jobCount();
    const request = chunked('transactions.csv');
    request.on('error', () => {}); // the socket is destroyed on purpose
    request.write(Buffer.alloc(200 * 1024, 'b'));
    // Wait until the server has started writing the temp file, then hang up.
    const deadline = Date.now() + 10_000;
    while ((await files()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect((await files()).length).toBe(1);
    request.destroy();
    while ((await files()).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await files()).toEqual([]);
    expect(await jobCount()).toBe(jobsBefore);
  });
});
