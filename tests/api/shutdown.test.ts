import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createTestPgliteDir } from '@jejaring/db/testing';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitWithin, type ServerProcess, spawnServer, waitFor } from '../support/process.ts';

/*
 * Graceful shutdown of the real server process (server/src/shutdown.ts), on the engine of the run:
 * PGlite in a directory of its own (already migrated), or a fresh database on the DATABASE_URL server.
 */

const BODY = JSON.stringify({ query: 'query { about { tenantId } }' });

/** A POST /graphql whose body arrives in two parts, so the request is in flight for as long as the test likes. */
function slowRequest(url: string) {
  const { hostname, port } = new URL(url);
  const socket = net.connect(Number(port), hostname);
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString();
  });
  const closed = new Promise<string>((resolve) => socket.on('close', () => resolve(received)));
  socket.on('error', () => {});
  const half = Math.floor(BODY.length / 2);
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${BODY.length}\r\nConnection: keep-alive\r\n\r\n${BODY.slice(0, half)}`,
  );
  return {
    finish: () => socket.write(BODY.slice(half)),
    /** Everything the server sent before it closed the connection. */
    closed,
  };
}

/** True when a new TCP connection to `url` is refused. */
function refused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    socket.on('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`stopping the server process (${process.env.DATABASE_URL ? 'postgres' : 'pglite'})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jejaring-shutdown-'));
  const database = `jejaring_test_shutdown_${process.pid}`;
  const servers: ServerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    const url = process.env.DATABASE_URL;
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const target = new URL(url);
      target.pathname = `/${database}`;
      env = { DATABASE_URL: target.toString() };
    } else {
      env = { PGLITE_DIR: await createTestPgliteDir(path.join(dir, 'pglite')) };
    }
  });
  afterAll(async () => {
    for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    if (process.env.DATABASE_URL) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });

  const start = async (extra: Record<string, string>) => {
    const server = spawnServer({ ...env, ...extra });
    servers.push(server);
    return { server, url: await server.url };
  };

  it('on SIGTERM: /readyz 503 at once, then new connections refused, the request in flight answered in full, exit 0', async () => {
    const { server, url } = await start({ SHUTDOWN_DELAY_MS: '1000' });
    const request = slowRequest(url);
    await sleep(300); // its headers have arrived: the request is in flight
    server.child.kill('SIGTERM');
    const signalled = performance.now();
    // The process handles the signal as soon as it runs again: at once on a quiet machine, while
    // under CI's load (two cores, load 7) a request arriving 100 ms later was still answered first.
    // From then on /readyz answers 503 until the listener closes SHUTDOWN_DELAY_MS later.
    let readyz: Response | undefined;
    const drained = await waitFor(async () => {
      readyz = await fetch(`${url}/readyz`);
      return readyz.status !== 200;
    }, 5_000);
    expect(drained).not.toBeNull();
    expect(readyz?.status).toBe(503);
    expect(await readyz?.json()).toMatchObject({ status: 'shutting down' });
    // After SHUTDOWN_DELAY_MS the listener is closed.
    const refusedAfter = await waitFor(() => refused(url), 5_000);
    expect(refusedAfter).not.toBeNull();
    expect(performance.now() - signalled).toBeGreaterThanOrEqual(900);
    request.finish();
    const answer = await request.closed;
    expect(answer).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
    expect(answer).toContain('{"data":{"about":{"tenantId":"61.12"}}}');
    expect(await exitWithin(server, 15_000)).toBe(0);
    const messages = server.logs().map((line) => line.msg);
    expect(messages).toContain('shutting down');
    expect(messages.at(-1)).toBe('stopped'); // after the database closed
  });

  it('cuts a request still running at SHUTDOWN_TIMEOUT_MS, then exits 0', async () => {
    const { server, url } = await start({ SHUTDOWN_TIMEOUT_MS: '1500' });
    const request = slowRequest(url); // never finished
    await sleep(300);
    server.child.kill('SIGTERM');
    const signalled = performance.now();
    expect(await waitFor(() => refused(url), 1_000)).not.toBeNull(); // no delay by default: refused at once
    const answer = await request.closed;
    const cutAfter = performance.now() - signalled;
    expect(answer).toBe(''); // closed without an answer, at the deadline
    expect(cutAfter).toBeGreaterThanOrEqual(1_400);
    expect(cutAfter).toBeLessThan(5_000);
    expect(await exitWithin(server, 15_000)).toBe(0);
    expect(server.logs().find((line) => line.msg?.toString().startsWith('shutdown deadline passed'))).toMatchObject({
      cut: 1,
      timeoutMs: 1500,
    });
  });

  it('exits at once with code 1 on a second signal', async () => {
    const { server, url } = await start({ SHUTDOWN_TIMEOUT_MS: '60000' });
    slowRequest(url);
    await sleep(300);
    server.child.kill('SIGTERM');
    await sleep(300);
    expect(server.child.exitCode).toBeNull(); // still waiting for the request
    const second = performance.now();
    server.child.kill('SIGINT');
    expect(await exitWithin(server, 5_000)).toBe(1);
    expect(performance.now() - second).toBeLessThan(2_000);
  });
});
