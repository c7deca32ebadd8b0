/**
 * The service on a real three-master Redis Cluster (REDIS_CLUSTER_NODES):
 * network upload, hot reload across two instances by pub/sub, closures, routes,
 * rollback — and the keys spread over more than one node.
 */
import { Cluster } from 'ioredis';
import { startApp, waitFor, type Harness } from '../support/app-harness';
import { startRedisCluster, type RedisCluster } from '../support/redis-cluster';
import { tinyNetwork } from '../support/tiny-network';

const EXPRESS = { origin: 'HGH', destination: 'SVO', weightKg: 1, readyAt: '2026-11-24T08:00:00Z', serviceLevel: 'express' };

describe('on a Redis Cluster', () => {
  let cluster: RedisCluster;
  let a: Harness;
  let b: Harness;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    const env = { REDIS_CLUSTER_NODES: cluster.nodes.join(','), NETWORK_POLL_MS: '60000', NETWORK_VERSIONS_KEPT: '2' };
    a = await startApp({ network: tinyNetwork(), env });
    b = await startApp({ prefix: a.prefix, env });
  }, 60_000);
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await cluster?.stop();
  });

  const route = (h: Harness) => h.app.inject({ method: 'POST', url: '/v1/routes', payload: EXPRESS });

  it('is ready and routes from the network stored in the cluster', async () => {
    expect(a.redis).toBeInstanceOf(Cluster);
    expect((await a.app.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    const res = await route(b);
    expect(res.statusCode).toBe(200);
    expect(res.json().route.hubs).toEqual(['HGH', 'SVO']);
  });

  it('announces uploads, closures and rollbacks to the other instance by pub/sub', async () => {
    const upload = await a.app.inject({ method: 'PUT', url: '/v1/network', payload: tinyNetwork('second'), headers: a.admin });
    expect(upload.statusCode).toBe(200);
    await waitFor(() => b.live.current?.version === upload.json().version, 1000);

    const closure = await a.app.inject({
      method: 'POST', url: '/v1/network/closures', headers: a.admin,
      payload: { legId: 'AIR-HGH-SVO-1', from: '2026-11-25T00:00:00Z', until: '2026-11-25T12:00:00Z', reason: 'storm' },
    });
    expect(closure.statusCode).toBe(201);
    await waitFor(async () => (await route(b)).json().route.hubs.length === 3, 1000);

    const rollback = await a.app.inject({ method: 'POST', url: '/v1/network/rollback', headers: a.admin });
    expect(rollback.statusCode).toBe(200);
    await waitFor(() => b.live.current?.doc.name === 'tiny', 1000);
  });

  it('drops the versions that fall off the history, in the same hash slot', async () => {
    for (const name of ['third', 'fourth', 'fifth']) {
      const upload = await a.app.inject({ method: 'PUT', url: '/v1/network', payload: tinyNetwork(name), headers: a.admin });
      expect(upload.statusCode).toBe(200);
    }
    const kept = await a.store.history();
    expect(kept).toHaveLength(2);
    const stored = await Promise.all(cluster.ports.map((port) => cluster.cli(port, '--scan', '--pattern', `${a.prefix}:*:version:*`)));
    expect(stored.flatMap((out) => out.split('\n').filter(Boolean)).sort()).toEqual(kept.map(a.keys.networkVersion).sort());
  });
});
