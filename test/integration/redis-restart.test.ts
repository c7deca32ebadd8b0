/**
 * Redis goes away and comes back (a private redis-server, stopped and started):
 * routes keep being answered from memory, calls needing Redis fail fast with 503
 * and Retry-After, and everything recovers by itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config';
import { startNetworkRuntime } from '../../src/network/runtime';
import { createRedis } from '../../src/redis/connection';
import { NetworkStore } from '../../src/network/store';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { PrivateRedis } from '../support/private-redis';
import { tinyNetwork } from '../support/tiny-network';

const ROUTE = { origin: 'HGH', destination: 'SVO', weightKg: 1, readyAt: '2026-11-24T08:00:00Z' };

describe('a Redis restart', () => {
  let server: PrivateRedis;
  let h: Harness;
  beforeAll(async () => {
    server = await PrivateRedis.start();
    h = await startApp({ redisUrl: server.url, network: tinyNetwork(), env: { NETWORK_POLL_MS: '200' } });
  });
  afterAll(async () => {
    await h.close();
    await server.stop();
  });

  /** Stops the private Redis (unless it is stopped already) and waits until the app has noticed. */
  async function redisDown(): Promise<void> {
    await server.stop();
    await waitFor(() => h.redis.status !== 'ready');
  }

  it('while Redis is down: routes answer, Redis calls fail fast with 503 and Retry-After', async () => {
    await redisDown();

    const route = await h.app.inject({ method: 'POST', url: '/v1/routes', payload: ROUTE });
    expect(route.statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/v1/hubs/HGH' })).statusCode).toBe(200);

    const started = Date.now();
    const calls = [
      h.app.inject({ method: 'PUT', url: '/v1/network', payload: tinyNetwork('new'), headers: h.admin }),
      h.app.inject({ method: 'POST', url: '/v1/network/rollback', headers: h.admin }),
      h.app.inject({
        method: 'POST',
        url: '/v1/network/closures',
        headers: h.admin,
        payload: { hubId: 'HGH', from: '2026-11-24T00:00:00Z', until: '2026-11-25T00:00:00Z', reason: 'x' },
      }),
      h.app.inject({ method: 'DELETE', url: '/v1/network/closures/abc', headers: h.admin }),
      h.app.inject({ method: 'GET', url: '/health/ready' }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('1');
    }
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('when Redis is back: recovers by itself, including the change announcements', async () => {
    await redisDown();
    await server.start();
    await waitFor(async () => (await h.app.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, 5000);

    const res = await h.app.inject({
      method: 'PUT',
      url: '/v1/network',
      payload: tinyNetwork('after'),
      headers: h.admin,
    });
    expect(res.statusCode).toBe(200);

    const other = createRedis(h.config, 'command');
    await other.connect();
    try {
      const upload = await new NetworkStore(other, h.keys).upload(tinyNetwork('announced'));
      const waited = await waitFor(() => h.live.current?.version === upload.version, 1000);
      expect(waited).toBeLessThan(1000);
    } finally {
      other.disconnect();
    }
  });
});

describe('starting while Redis is down', () => {
  it('starts anyway, then seeds NETWORK_FILE and serves it once Redis answers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parcel-seed-'));
    const file = join(dir, 'network.json');
    writeFileSync(file, JSON.stringify(tinyNetwork('seeded')));
    const server = await PrivateRedis.start();
    await server.stop();
    const config = loadConfig({
      REDIS_URL: server.url,
      KEY_PREFIX: 'test:seed',
      NETWORK_FILE: file,
      NETWORK_POLL_MS: '100',
    });
    const runtime = await startNetworkRuntime(config, pino({ level: 'silent' }));
    try {
      expect(runtime.live.current).toBeUndefined();
      await server.start();
      await waitFor(() => runtime.live.current?.doc.name === 'seeded', 5000);
    } finally {
      await runtime.close();
      await server.stop();
      rmSync(dir, { recursive: true });
    }
  });
});
