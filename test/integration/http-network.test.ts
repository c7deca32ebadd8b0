/** The network, hubs, health and docs calls through inject, on real Redis. */
import { startApp, type Harness } from '../support/app-harness';
import { tinyNetwork } from '../support/tiny-network';
import type { NetworkDocument } from '../../src/routing/types';

/** The tiny network with `extra` more unlinked hubs: a different version, and as big as wanted. */
function grown(extra: number, name = 'grown'): NetworkDocument {
  const doc = tinyNetwork(name);
  for (let i = 0; i < extra; i++) {
    doc.hubs.push({
      id: `X${i}`,
      name: `Extra ${i}`,
      country: 'CN',
      lat: 30,
      lon: 120,
      sortMinutes: 10,
      handlingCost: 0,
    });
  }
  return doc;
}

describe('network calls', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startApp({
      network: tinyNetwork(),
      env: { NETWORK_VERSIONS_KEPT: '2', NETWORK_BODY_LIMIT_BYTES: '200000' },
    });
  });
  afterAll(() => h.close());

  const put = (payload: unknown, headers: Record<string, string> = h.admin) =>
    h.app.inject({ method: 'PUT', url: '/v1/network', payload: payload as object, headers });
  const rollback = (headers: Record<string, string> = h.admin) =>
    h.app.inject({ method: 'POST', url: '/v1/network/rollback', headers });
  const active = async () => (await h.app.inject({ method: 'GET', url: '/v1/network' })).json();

  it('GET /v1/network describes the active version', async () => {
    const body = await active();
    expect(body).toEqual({
      version: h.live.current?.version,
      name: 'tiny',
      hubs: 5,
      legs: 3,
      activatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('admin calls answer 401 without the token or with a wrong one', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic dGVzdA==' },
    ];
    for (const headers of attempts) {
      const res = await put(grown(1), headers);
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toBe('UNAUTHORIZED');
      expect((await rollback(headers)).statusCode).toBe(401);
    }
  });

  it('refuses an invalid network whole with 400 INVALID_NETWORK and every problem', async () => {
    const doc = tinyNetwork();
    doc.legs[0] = { ...doc.legs[0], to: 'XYZ' };
    doc.hubs[1] = { ...doc.hubs[1], sortMinutes: -1 };
    const before = await active();
    const res = await put(doc);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'INVALID_NETWORK', message: 'the network has 2 problems' });
    expect(res.json().problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/legs/0/to' }),
        expect.objectContaining({ path: '/hubs/1/sortMinutes' }),
      ]),
    );
    expect(await active()).toEqual(before);
  });

  it('uploads a version that becomes active at once; the same content keeps its version id', async () => {
    const doc = grown(1000);
    expect(JSON.stringify(doc).length).toBeGreaterThan(h.config.bodyLimitBytes);
    const res = await put(doc);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: expect.stringMatching(/^[0-9a-f]{16}$/), hubs: 1005, legs: 3 });
    expect((await active()).version).toBe(res.json().version);
    expect((await put(doc)).json().version).toBe(res.json().version);
  });

  it('answers 413 for an upload over NETWORK_BODY_LIMIT_BYTES', async () => {
    const res = await put(grown(3000));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rolls back to the previous version, keeps NETWORK_VERSIONS_KEPT of them, then has nothing to roll back to', async () => {
    const a = (await put(grown(1, 'a'))).json().version;
    const b = (await put(grown(2, 'b'))).json().version;
    const c = (await put(grown(3, 'c'))).json().version;
    expect(await h.store.history()).toEqual([c, b]);
    expect(await h.redis.exists(h.keys.networkVersion(a))).toBe(0);

    const res = await rollback();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: b, name: 'b', hubs: 7 });
    expect((await active()).version).toBe(b);
    const route = await h.app.inject({
      method: 'POST',
      url: '/v1/routes',
      payload: { origin: 'HGH', destination: 'SVO', weightKg: 1 },
    });
    expect(route.json().networkVersion).toBe(b);

    const none = await rollback();
    expect(none.statusCode).toBe(404);
    expect(none.json()).toMatchObject({
      error: 'NOT_FOUND',
      message: expect.stringMatching(/no previous network version/),
    });
  });

  it('GET /v1/hubs lists the hubs; /v1/hubs/:id gives one, 404 when unknown, 400 when not an id', async () => {
    const list = await h.app.inject({ method: 'GET', url: '/v1/hubs' });
    expect(list.json().networkVersion).toBe(h.live.current?.version);
    expect(list.json().hubs[0]).toEqual(tinyNetwork().hubs[0]);
    const one = await h.app.inject({ method: 'GET', url: '/v1/hubs/SVO' });
    expect(one.json()).toEqual(tinyNetwork().hubs[2]);
    const missing = await h.app.inject({ method: 'GET', url: '/v1/hubs/NOPE' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('NOT_FOUND');
    const bad = await h.app.inject({ method: 'GET', url: '/v1/hubs/not%20an%20id' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/^id: must match pattern/);
  });

  it('health: live always, ready when Redis answers and a network is active', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', redis: 'up', networkVersion: h.live.current?.version });
  });

  it('serves the OpenAPI 3 document and its UI at /docs', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/routes',
        '/v1/network',
        '/v1/network/rollback',
        '/v1/network/closures',
        '/v1/network/closures/{id}',
        '/v1/hubs',
        '/v1/hubs/{id}',
        '/health/live',
        '/health/ready',
        '/metrics',
      ]),
    );
    expect(doc.paths['/v1/routes'].post.requestBody.content['application/json'].schema.additionalProperties).toBe(
      false,
    );
    const ui = await h.app.inject({ method: 'GET', url: '/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });
});

describe('admin calls without ADMIN_TOKEN', () => {
  it('answer 403 FORBIDDEN', async () => {
    const h = await startApp({ network: tinyNetwork(), env: { ADMIN_TOKEN: '' } });
    try {
      const res = await h.app.inject({ method: 'PUT', url: '/v1/network', payload: tinyNetwork(), headers: h.admin });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('FORBIDDEN');
      const del = await h.app.inject({ method: 'DELETE', url: '/v1/network/closures/abc', headers: h.admin });
      expect(del.statusCode).toBe(403);
    } finally {
      await h.close();
    }
  });
});
