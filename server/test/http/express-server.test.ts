import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { expressServer } from '../../src/http/express-server.ts';

/*
 * expressServer makes each request and response with the app's own prototypes, so that Express's
 * Object.setPrototypeOf in app.handle changes nothing (on Node 20 and 22 a changed prototype kept
 * what a request allocated alive through young-generation collections). The objects are checked
 * before Express sees them, and Express's own request and response methods must work as before.
 */

const servers: Array<ReturnType<typeof expressServer>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listening(app: express.Express, before?: (req: unknown, res: unknown) => void) {
  const server = expressServer(app);
  servers.push(server);
  if (before) server.prependListener('request', before);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('expressServer', () => {
  it("makes requests and responses with the app's prototypes before Express handles them", async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res.send('ok');
    });
    const seen: boolean[] = [];
    const url = await listening(app, (req, res) => {
      seen.push(Object.getPrototypeOf(req) === app.request, Object.getPrototypeOf(res) === app.response);
    });
    expect(await (await fetch(url)).text()).toBe('ok');
    expect(await (await fetch(url)).text()).toBe('ok');
    expect(seen).toEqual([true, true, true, true]);
  });

  it("keeps Express's request and response methods, a request body and the 404 of an unknown path", async () => {
    const app = express();
    app.use(express.json());
    app.post('/echo', (req, res) => {
      res
        .status(201)
        .set('X-Seen', req.get('x-test') ?? '')
        .json({ body: req.body, ip: req.ip });
    });
    const url = await listening(app);
    const response = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-test': 'sungai raya' },
      body: JSON.stringify({ kecamatan: 'Rasau Jaya' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('sungai raya');
    expect(await response.json()).toEqual({ body: { kecamatan: 'Rasau Jaya' }, ip: '127.0.0.1' });
    expect((await fetch(`${url}/nowhere`)).status).toBe(404);
  });
});
